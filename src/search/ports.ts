import type { SearchItem, SynonymEntry } from "../catalog";

export type { SearchItem, SynonymEntry } from "../catalog";

/**
 * What the search index is built and kept current from: the catalog's listed items and staff
 * synonyms. The catalog's `createCatalogPort` implements it against the database.
 */
export interface IndexSource {
  /** Every listed item, for (re)building the index. */
  listSearchItems(): Promise<SearchItem[]>;
  /** One listed item, read after a `catalog.changed` event to upsert it; null when gone. */
  getSearchItem(code: string): Promise<SearchItem | null>;
  /** Staff synonyms, merged over the shipped defaults. */
  listSynonyms(): Promise<SynonymEntry[]>;
}

/** The store channels on which the source announces changes: an item (message `{"code"}`) and the synonyms. */
export interface IndexChanges {
  item: string;
  synonyms: string;
}
