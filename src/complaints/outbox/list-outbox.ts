import type { ComplaintsDeps } from "../deps";

/** Events to the 12345 platform, oldest first; status "dead" is the dead-letter list. */
export async function listOutbox(deps: ComplaintsDeps, o: { status?: "pending" | "sent" | "dead" | undefined; limit: number }) {
  return deps.app.db.prisma.complaintOutbox.findMany({
    where: o.status ? { status: o.status } : {},
    orderBy: { createdAt: "asc" },
    take: o.limit,
  });
}
