import type { WorkCalendar } from "../calendar";
import type { AppContext } from "../platform/context";
import type { PolicyOverride } from "./deadlines";
import type { ImageStore } from "./images/image-store";
import type { CalendarPort, CalendarSourcePort, NotifyCitizenPort } from "./ports";

/** The classifier's suggestion for a complaint. */
export interface ComplaintClassification {
  category: string;
  confidence: number;
}

export interface OutboxSettings {
  /** Delivery attempts before a row goes to the dead-letter list. */
  maxAttempts: number;
  /** Exponential backoff base: base · 2^(attempt−1). */
  backoffMs: number;
  timeoutMs: number;
  /** How often pending rows are swept back onto the queue (a lost enqueue), … */
  sweepEveryMs: number;
  /** … and how old a pending row must be to be swept. */
  sweepAfterMs: number;
  /** Rows read per page by the sweep, which pages through every pending row (default 500). */
  sweepBatch?: number;
}

export interface ComplaintsOptions {
  /** Category classifier; default: the committed model of src/complaints/classifier. */
  classify?: (text: string) => ComplaintClassification | undefined;
  /** Below this confidence a complaint waits for a human dispatcher. */
  confidenceThreshold?: number;
  /** The instance's holiday calendar incl. staff-added years (the composition root's), or a fixed one (tests). */
  calendar: ((ctx: AppContext) => CalendarSourcePort) | WorkCalendar;
  policies?: PolicyOverride[];
  /** Sends a message to the citizen (template/subscribe message): notifications' `notify`. */
  notify: NotifyCitizenPort;
  images?: ImageStore;
  outbox?: Partial<OutboxSettings>;
  /** How often the supervision scan runs. */
  supervisionEveryMs?: number;
  /** 热点: this many similar complaints … */
  hotThreshold?: number;
  /** … within this many hours. */
  hotWindowHours?: number;
}

/** Everything the complaint operations need, resolved once by the capability. */
export interface ComplaintsDeps {
  app: AppContext;
  classify: (text: string) => ComplaintClassification | undefined;
  confidenceThreshold: number;
  calendar: CalendarPort;
  policies: PolicyOverride[];
  notify: NotifyCitizenPort;
  images: ImageStore;
  outbox: OutboxSettings;
  supervisionEveryMs: number;
  hotThreshold: number;
  hotWindowHours: number;
}
