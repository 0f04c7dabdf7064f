import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { findComplaintInDepartment } from "../workflow/find-in-department";

export interface ReadComplaintImageOptions {
  ref: string;
  position: number;
  /** A handler's own department: a ticket of another one is not found. */
  department?: string | undefined;
}

/** A ticket's image by its position, with its type, from the image store. */
export async function readComplaintImage(deps: ComplaintsDeps, o: ReadComplaintImageOptions): Promise<{ mime: string; bytes: Buffer }> {
  const prisma = deps.app.db.prisma;
  const found = await findComplaintInDepartment(prisma, o.ref, o.department);
  const img = await prisma.complaintImage.findFirst({ where: { complaintId: found.id, position: o.position } });
  const bytes = img ? await deps.images.get(img.storageKey) : undefined;
  if (!img || !bytes) throw complaintErrors("image_not_found");
  return { mime: img.mime, bytes };
}
