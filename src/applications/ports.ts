import type { TimeLimit } from "../calendar";

/** What an application needs from the catalog: the item's name, department and promised limit. */
export interface ItemInfo {
  code: string;
  name: string;
  department: string;
  /** 承诺时限 from the published guide. */
  limit: TimeLimit;
}

export interface ItemsPort {
  /** null when the code is unknown. Throws AppError unprocessable when the item has no usable limit. */
  getItem(code: string): Promise<ItemInfo | null>;
}

/** The part of an item's published guide an application needs. */
export interface GuideLike {
  authority?: { name?: string };
  timeLimit?: { promised?: { value?: number; unit?: string } };
}

/** What applications read of the catalog: an item's published guide, or its listing when it has none. */
export interface CatalogReader {
  getGuide(code: string): Promise<(GuideLike & { name: string; department: string }) | null>;
  getSearchItem(code: string): Promise<{ name: string; department: string } | null>;
}

/** A status notice to an applicant, as this capability sends it (the notifications capability delivers it). */
export interface ApplicantNotice {
  userId?: string;
  oaOpenid?: string;
  mpOpenid?: string;
  kind: "application_status";
  /** One status change, one notice: a second send with the same key sends nothing. */
  dedupeKey: string;
  /** "action" may spend a subscribe allowance (补正, a decision); "info" may not. */
  priority: "action" | "info";
  fields: Record<string, string | Date>;
  /** Mini-program page, and the H5 page for Official Account messages. */
  page: string;
  url: string;
}

/** Sends a notice (the notifications capability's `notify`, plugged in by the composition root). */
export type Notifier = (notice: ApplicantNotice) => Promise<unknown>;
