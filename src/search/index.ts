export { searchCapability, type SearchCapability } from "./capability";
export type { IndexSource } from "./ports";
export { SearchIndex, type SearchHit, type SearchOptions, type SearchResult } from "./search-index";
export type { AnalyzedQuery, Concept } from "./query";
export { FileCatalog, type FileCatalogOptions } from "./file-catalog";
export { loadDefaultSynonyms, loadNearMissWords, parseSynonymLine } from "./synonyms";
export { registerSearchRoutes } from "./http/public-routes";
export { words, hybrid, tibetan, tibetanSyllables, isTibetan, normalize, addDomainWords } from "./tokenizer";
export { foldVariants } from "./fold";
