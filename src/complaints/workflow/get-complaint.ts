import type { ComplaintEvent, ComplaintImage } from "../../generated/prisma/client";
import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint } from "./db";

export type ComplaintWithTimeline = Complaint & { images: ComplaintImage[]; events: ComplaintEvent[] };

/** One ticket (by id or ticket number) with its images and its timeline, in order. */
export async function getComplaint(deps: ComplaintsDeps, o: { ref: string }): Promise<ComplaintWithTimeline> {
  const prisma = deps.app.db.prisma;
  const c = await findComplaint(prisma, o.ref);
  return prisma.complaint.findUniqueOrThrow({
    where: { id: c.id },
    include: { images: { orderBy: { position: "asc" } }, events: { orderBy: [{ at: "asc" }, { seq: "asc" }] } },
  });
}
