import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { findComplaint } from "../workflow/db";

/** A ticket's image by its position, with its type, from the image store. */
export async function readComplaintImage(deps: ComplaintsDeps, o: { ref: string; position: number }): Promise<{ mime: string; bytes: Buffer }> {
  const prisma = deps.app.db.prisma;
  const found = await findComplaint(prisma, o.ref);
  const img = await prisma.complaintImage.findFirst({ where: { complaintId: found.id, position: o.position } });
  const bytes = img ? await deps.images.get(img.storageKey) : undefined;
  if (!img || !bytes) throw complaintErrors("image_not_found");
  return { mime: img.mime, bytes };
}
