export type { CatalogPort, PublishedGuide, QuestionLogPort, QuestionOutcome, SearchItem, SynonymEntry, SynonymPort } from "./ports";
export { guideToSearchItem } from "./ports";
export { SearchIndex, type SearchHit, type SearchOptions, type SearchResult } from "./search-index";
export { FileCatalog, type FileCatalogOptions } from "./file-catalog";
export { loadDefaultSynonyms, parseSynonymLine } from "./synonyms";
export { registerSearchRoutes } from "./routes";
export { words, hybrid, tibetan, tibetanSyllables, isTibetan, addDomainWords } from "./tokenizer";
