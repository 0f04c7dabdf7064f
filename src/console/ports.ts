import type { ComplaintDesk } from "../complaints";

/** What the console needs that only the composition root can hand it. */
export interface ConsoleOptions {
  /** The complaint workflow bound to the complaints capability's resolved parts. */
  complaints: ComplaintDesk;
}
