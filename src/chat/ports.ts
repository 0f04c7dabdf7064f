import type { Context, Middleware } from "koa";
import type { PublishedGuide, QuestionEntry, SearchItem } from "../catalog";
import type { SearchOptions, SearchResult } from "../search";

export type { PublishedGuide, QuestionOutcome } from "../catalog";

/**
 * What chat asks of the catalog: an item's published guide (answers), and its listing facts
 * for catalog-only items. The catalog implements it (its database port behind a per-instance
 * cache, plugged in by the composition root; FileCatalog for the eval and tests).
 */
export interface CatalogPort {
  /** Published guide of an item (null when catalog-only or unknown). */
  getGuide(code: string): Promise<PublishedGuide | null>;
  /** The item's listing (name, department) when it has no guide; null when gone. */
  getSearchItem?(code: string): Promise<SearchItem | null>;
}

/** A listed item as the index holds it. */
export interface IndexedItem {
  code: string;
  name: string;
  department: string;
  region?: string;
  type?: string;
  hasGuide: boolean;
}

/**
 * What chat asks of the search index: the items a question matches, one item's listing, and
 * which published guides each office handles. The search capability's index implements it.
 */
export interface SearchPort {
  search(q: string, opts?: SearchOptions): SearchResult;
  get(code: string): IndexedItem | undefined;
  guidesByOffice(): ReadonlyMap<string, readonly string[]>;
  /** Moves on every change of the index: an answer computed from an older generation may be stale. */
  readonly generation: number;
}

/**
 * Where chat records questions it could not answer, for staff (the catalog's question log,
 * de-duplicated by normalised question and counted).
 */
export interface QuestionLogPort {
  record(entry: QuestionEntry): Promise<void>;
  /** Counts one question asked, answered or not (the staff dashboard's answered share per day). */
  asked?(): void;
}

/**
 * How /api/v1/ask learns who is asking, when the request proves it: the mini-program session
 * (`Authorization: Bearer <token>`), declared here and supplied by the composition root.
 */
export interface AskAuth {
  /** Attaches a verified caller when one is presented; lets anonymous requests through. */
  before: Middleware;
  /** The verified user id `before` attached, if any. */
  userIdOf(c: Context): string | undefined;
}

/**
 * Whether the day of `at` (Asia/Shanghai) is an official working day — the calendar's answer,
 * plugged in by the composition root. It may reject for a year nobody confirmed; chat then
 * counts Monday to Friday.
 */
export type WorkdayPort = (at: Date) => Promise<boolean>;
