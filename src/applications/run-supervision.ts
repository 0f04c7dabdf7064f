import type { ApplicationModel } from "../platform/db";
import type { ApplicationsDeps } from "./deps";
import { loadTimelines } from "./load-application";
import { superviseApplication } from "./supervise-application";

export { SUPERVISION_KINDS, type SupervisionKind } from "./supervise-application";

export const SUPERVISE_JOB = "applications.supervise";
const BATCH = 200;

export interface SupervisionResult {
  checked: number;
  warned: number;
  overdue: number;
}

/**
 * 电子监察: flags running applications that used ≥ 80% of their time (预警) or passed the due
 * date (超期), once each. The candidates come from the cached warn_at/due_at columns; each is
 * then re-checked with the clock computed from its timeline (superviseApplication), and its
 * cached columns refreshed. Readers flag an application on demand too (load-application.ts).
 *
 * The handling department is "notified" by the alert row (staff list and count them per
 * department) and a warn-level log line; a channel to departments (SMS, 政务微信) is out of
 * scope for now.
 */
export async function runSupervision(deps: ApplicationsDeps, batchSize = BATCH): Promise<SupervisionResult> {
  const prisma = deps.app.db.prisma;
  const now = deps.app.now();
  const calendar = await deps.calendar.get();
  const result: SupervisionResult = { checked: 0, warned: 0, overdue: 0 };
  let cursor: string | undefined;
  for (;;) {
    const batch: ApplicationModel[] = await prisma.application.findMany({
      where: {
        stoppedAt: null,
        paused: false,
        OR: [{ warnedAt: null, warnAt: { lte: now } }, { overdueAt: null, dueAt: { lt: now } }],
        // Keyset paging: supervising a row takes it out of this filter, so a Prisma cursor on it found nothing after it.
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    const timelines = await loadTimelines(prisma, batch.map((a) => a.id));
    for (const a of batch) {
      result.checked++;
      const flags = await superviseApplication(deps.app, calendar, a, timelines.get(a.id) ?? [], now);
      if (flags.warned) result.warned++;
      if (flags.overdue) result.overdue++;
    }
    if (batch.length < batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }
  if (result.warned || result.overdue) deps.app.logger.info(result, "electronic supervision run");
  return result;
}
