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

/**
 * The notifications capability's `notify` (src/notifications), as the port this capability
 * calls: one row per dedupeKey, sent through the job queue.
 */
export interface NotifyRequest {
  userId?: string;
  oaOpenid?: string;
  mpOpenid?: string;
  kind: "application_status";
  dedupeKey: string;
  fields: Record<string, string | number | Date>;
  page?: string;
  url?: string;
}

export type Notifier = (request: NotifyRequest) => Promise<unknown>;
