import type { ComplaintEvent, ComplaintImage } from "../../generated/prisma/client";
import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { findComplaintInDepartment } from "./find-in-department";

export type ComplaintWithTimeline = Complaint & { images: ComplaintImage[]; events: ComplaintEvent[] };

export interface GetComplaintOptions {
  /** Id or ticket number. */
  ref: string;
  /** A handler's own department: a ticket of another one is not found. */
  department?: string | undefined;
}

/** One ticket (by id or ticket number) with its images and its timeline, in order. */
export async function getComplaint(deps: ComplaintsDeps, o: GetComplaintOptions): Promise<ComplaintWithTimeline> {
  const prisma = deps.app.db.prisma;
  const c = await findComplaintInDepartment(prisma, o.ref, o.department);
  return prisma.complaint.findUniqueOrThrow({
    where: { id: c.id },
    include: { images: { orderBy: { position: "asc" } }, events: { orderBy: [{ at: "asc" }, { seq: "asc" }] } },
  });
}
