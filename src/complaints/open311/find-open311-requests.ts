import type { Prisma } from "../../platform/db";
import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import type { Complaint } from "../workflow/db";
import { checkJurisdiction } from "./check-jurisdiction";
import { CLOSED_STATUSES, SERVICE_CODES } from "./service-codes";

/** What the Open311 feed shows: requests filed through Open311, and published tickets. */
export const OPEN311_VISIBLE = { OR: [{ channel: "open311" }, { publicationConsent: true, publicInterest: true }] } satisfies Prisma.ComplaintWhereInput;

/** GeoReport v2: "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const OPEN311_MAX_ROWS = 1000;
const SPAN_MS = 90 * 86_400_000;

export interface FindOpen311RequestsOptions {
  /** jurisdiction_id: when given, it must be ours (check-jurisdiction.ts). */
  jurisdictionId?: string | undefined;
  /** service_request_id (comma-delimited): when given, every other argument is ignored, as the spec says. */
  ids?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  statuses?: ("open" | "closed")[] | undefined;
  startDate?: Date | undefined;
  endDate?: Date | undefined;
}

/**
 * GET requests: by ids, or by service codes, statuses and a requested_datetime window of at
 * most 90 days — all in the query, so the 1,000-row cap counts matching rows only. Newest first.
 */
export async function findOpen311Requests(deps: ComplaintsDeps, q: FindOpen311RequestsOptions): Promise<Complaint[]> {
  checkJurisdiction(deps, q.jurisdictionId);
  return deps.app.db.prisma.complaint.findMany({
    where: { AND: [OPEN311_VISIBLE, q.ids?.length ? { ticketNo: { in: q.ids.map((id) => id.toUpperCase()) } } : filters(deps, q)] },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    take: OPEN311_MAX_ROWS,
  });
}

function filters(deps: ComplaintsDeps, q: FindOpen311RequestsOptions): Prisma.ComplaintWhereInput {
  const { start, end } = windowOf(deps.app.now(), q.startDate, q.endDate);
  // Unknown service codes match no category; known ones their category.
  const categories = q.serviceCodes?.map((code) => SERVICE_CODES[code]).filter((c) => c !== undefined) as string[] | undefined;
  const statuses = new Set(q.statuses ?? []);
  const status = statuses.size === 1 ? (statuses.has("closed") ? { in: [...CLOSED_STATUSES] } : { notIn: [...CLOSED_STATUSES] }) : undefined;
  return {
    createdAt: { gte: start, lte: end },
    ...(categories ? { category: { in: categories } } : {}),
    ...(status ? { status } : {}),
  };
}

/**
 * start_date and end_date bound requested_datetime and "may not span more than 90 days": with
 * one of them the window is the 90 days after the start or before the end; with neither, the
 * last 90 days. A longer or reversed range is refused (400) rather than cut silently.
 */
function windowOf(now: Date, startDate: Date | undefined, endDate: Date | undefined): { start: Date; end: Date } {
  if (startDate && endDate) {
    if (endDate < startDate) throw complaintErrors("date_range_invalid");
    if (endDate.getTime() - startDate.getTime() > SPAN_MS) throw complaintErrors("date_range_too_long");
    return { start: startDate, end: endDate };
  }
  if (startDate) return { start: startDate, end: new Date(startDate.getTime() + SPAN_MS) };
  const end = endDate ?? now;
  return { start: new Date(end.getTime() - SPAN_MS), end };
}
