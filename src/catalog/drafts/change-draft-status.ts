import type { PrismaClient } from "../../platform/db";
import { catalogErrors } from "../errors";
import { assertTransition } from "../draft-status";
import { writeAudit } from "../../platform/audit";
import { findItemForEditing } from "./find-item";
import { checkRevision, guardedUpdate } from "./update-draft";
import { toDraftRecord, type DraftRecord } from "./draft-record";

export interface ChangeDraftStatusOptions {
  prisma: PrismaClient;
  code: string;
  revision: number;
  to: "in_review" | "rejected";
  /** Required when rejecting: tells the editor what to fix. */
  comment?: string;
  actor: string;
  now: Date;
}

/** Submit for review (draft → in_review) or reject (in_review → rejected, with a comment). */
export async function changeDraftStatus(opts: ChangeDraftStatusOptions): Promise<DraftRecord> {
  const { prisma, code, revision, to, actor, now } = opts;
  if (to === "rejected" && !opts.comment?.trim()) throw catalogErrors("rejection_needs_comment");
  return prisma.$transaction(async (tx) => {
    const item = await findItemForEditing(tx, code);
    if (!item.draft) throw catalogErrors("draft_not_found", { code });
    checkRevision(item.draft.revision, revision);
    assertTransition(item.draft.status, to);
    await guardedUpdate(tx, item.id, revision, { status: to, comment: to === "rejected" ? opts.comment!.trim() : null, updatedBy: actor, updatedAt: now });
    await writeAudit(tx, {
      actor,
      action: to === "in_review" ? "draft.submit" : "draft.reject",
      entity: "item",
      entityId: code,
      diff: { status: { before: item.draft.status, after: to }, ...(opts.comment ? { comment: opts.comment } : {}) },
      at: now,
    });
    return toDraftRecord(code, (await tx.guideDraft.findUnique({ where: { itemId: item.id } }))!);
  });
}
