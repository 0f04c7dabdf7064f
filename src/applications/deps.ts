import type { AppContext } from "../platform/context";
import type { CalendarSource } from "../calendar";
import type { ItemsPort, Notifier } from "./ports";

/** Everything the application operations need, passed explicitly. */
export interface ApplicationsDeps {
  app: AppContext;
  items: ItemsPort;
  calendar: CalendarSource;
  notify: Notifier;
  /**
   * Hand a recorded status change to the notification job. Events whose notification was
   * never handed over (notified_at null) are re-queued at start, so this may be a no-op
   * (the CSV import script) without losing anything.
   */
  queueNotification(eventId: string): Promise<void>;
}
