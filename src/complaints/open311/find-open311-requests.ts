import type { Prisma } from "../../platform/db";
import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "../workflow/db";
import { SERVICE_CODES, open311StatusOf } from "./service-codes";

/** What the Open311 feed shows: requests filed through Open311, and published tickets. */
export const OPEN311_VISIBLE = { OR: [{ channel: "open311" }, { publicationConsent: true, publicInterest: true }] } satisfies Prisma.ComplaintWhereInput;

export interface FindOpen311RequestsOptions {
  /** service_request_id: comma-separated ticket numbers (then no date window applies). */
  ids?: string | undefined;
  serviceCode?: string | undefined;
  status?: "open" | "closed" | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
}

/** GET requests: by ids, or in a date window (spec default: the last 90 days), at most 1000, newest first. */
export async function findOpen311Requests(deps: ComplaintsDeps, q: FindOpen311RequestsOptions): Promise<Complaint[]> {
  const ids = q.ids?.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
  // An unknown service code matches no category ("-").
  const category = q.serviceCode ? SERVICE_CODES[q.serviceCode] ?? "-" : undefined;
  const start = q.startDate ? new Date(q.startDate) : new Date(deps.app.now().getTime() - 90 * 86_400_000);
  const rows = await deps.app.db.prisma.complaint.findMany({
    where: {
      ...OPEN311_VISIBLE,
      ...(ids ? { ticketNo: { in: ids } } : { createdAt: { gte: start, ...(q.endDate ? { lte: new Date(q.endDate) } : {}) } }),
      ...(category ? { category } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 1000,
  });
  return q.status ? rows.filter((r) => open311StatusOf(r) === q.status) : rows;
}
