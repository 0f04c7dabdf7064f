import type { ApplicationEventModel, ApplicationModel, Prisma } from "../platform/db";
import { isApplicationStatus, parseDetails, parseTransition, type ApplicationStatus } from "./application-status";
import { clockColumns, limitOf } from "./clock-columns";
import { isUniqueViolation } from "../platform/db";
import type { ApplicationsDeps } from "./deps";
import { applicationErrors } from "./errors";
import { findApplication, type ApplicationRef } from "./find-application";
import { loadTimeline } from "./load-application";

export type EventSource = "staff" | "integration" | "import";

export interface RecordEventOptions extends ApplicationRef {
  status: string;
  /** When it happened; defaults to now. */
  at?: Date | undefined;
  note?: string | undefined;
  actor?: string | undefined;
  details?: unknown;
  source: EventSource;
  /** Integration id, "csv", or "admin". */
  sourceId: string;
  /** The source's event id: makes a replay a no-op. */
  externalId?: string | undefined;
}

export interface RecordEventResult {
  application: ApplicationModel;
  event: ApplicationEventModel;
  /** The event id was seen before: nothing changed. */
  duplicate: boolean;
  /** false: an out-of-order event, recorded in the timeline but not the current status. */
  applied: boolean;
}

/** Events may not come from the future; this allows for clocks a little apart. */
const MAX_FUTURE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

class StaleVersion extends Error {}

/**
 * Records a status change — the one way an application's status moves (staff API, upstream
 * webhook, CSV import).
 *
 * Out-of-order rule: the current status is the status of the latest event by *event time*.
 * An event at or after the current status's time must be a legal move from it (the state
 * machine) and becomes current. An older event (it arrived late) is recorded in the timeline
 * in its time order — the clock (pauses, acceptance) is computed from the whole timeline, so
 * it counts — but it never overrides the newer status; only its details are checked, since
 * the move was judged when it happened. Only events that become current notify the applicant:
 * a late, stale status would mislead.
 */
export async function recordApplicationEvent(deps: ApplicationsDeps, opts: RecordEventOptions): Promise<RecordEventResult> {
  const { app } = deps;
  const prisma = app.db.prisma;
  if (!isApplicationStatus(opts.status)) throw applicationErrors("unknown_status", { status: opts.status }, { status: opts.status });
  const status: ApplicationStatus = opts.status;
  const replay = await findReplay(deps, opts);
  if (replay) return replay;
  const now = app.now();
  const at = opts.at ?? now;
  if (Number.isNaN(at.getTime())) throw applicationErrors("event_time_invalid");
  if (at.getTime() > now.getTime() + MAX_FUTURE_MS) throw applicationErrors("event_time_in_future");
  const calendar = await deps.calendar.get();

  for (let attempt = 1; ; attempt++) {
    const application = await findApplication(prisma, opts);
    const applied = at.getTime() >= application.statusAt.getTime();
    const details = applied ? parseTransition(application.status as ApplicationStatus, status, opts.details) : parseDetails(status, opts.details);
    try {
      const event = await prisma.$transaction(async (tx) => {
        const created = await tx.applicationEvent.create({
          data: {
            applicationId: application.id,
            status,
            at,
            note: opts.note ?? null,
            actor: opts.actor ?? null,
            source: opts.source,
            sourceId: opts.sourceId,
            externalId: opts.externalId ?? null,
            details: details as Prisma.InputJsonValue,
            applied,
          },
        });
        const events = await loadTimeline(tx, application.id);
        const columns = clockColumns(calendar, limitOf(application), events, now, application);
        const { count } = await tx.application.updateMany({
          where: { id: application.id, version: application.version },
          data: { ...columns, ...(applied ? { status, statusAt: at } : {}), version: { increment: 1 } },
        });
        // Someone else moved the application meanwhile: judge the move again against the new state.
        if (count === 0) throw new StaleVersion();
        return created;
      });
      const updated = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
      if (applied) {
        await deps.queueNotification(event.id).catch((err: unknown) => app.logger.warn({ err }, "notification not queued; the notification sweep queues it again"));
      }
      app.logger.info({ number: updated.number, status, applied, source: opts.source }, "application event recorded");
      return { application: updated, event, duplicate: false, applied };
    } catch (err) {
      if (err instanceof StaleVersion && attempt < MAX_ATTEMPTS) continue;
      if (isUniqueViolation(err)) {
        const raced = await findReplay(deps, opts);
        if (raced) return raced;
      }
      if (err instanceof StaleVersion) throw applicationErrors("application_busy");
      throw err;
    }
  }
}

async function findReplay(deps: ApplicationsDeps, opts: RecordEventOptions): Promise<RecordEventResult | undefined> {
  if (!opts.externalId) return undefined;
  const event = await deps.app.db.prisma.applicationEvent.findUnique({
    where: { source_sourceId_externalId: { source: opts.source, sourceId: opts.sourceId, externalId: opts.externalId } },
    include: { application: true },
  });
  if (!event) return undefined;
  const { application, ...rest } = event;
  return { application, event: rest, duplicate: true, applied: rest.applied };
}
