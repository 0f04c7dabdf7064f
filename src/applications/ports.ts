import type { TimeLimit } from "../calendar";
import type { NotifyOptions } from "../notifications";

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

/** The notifications capability's `notify` (src/notifications), as the port this capability calls. */
export type Notifier = (request: NotifyOptions) => Promise<unknown>;
