import type { PrismaClient } from "../../platform/db";
import { catalogErrors } from "../errors";
import type { Guide } from "../guide-schema";
import { toJson } from "../content-hash";
import { diffJson } from "../guide-diff";
import { assertTransition } from "../draft-status";
import { writeAudit } from "../../platform/audit";
import type { DbClient } from "../db-types";
import { findItemForEditing } from "./find-item";
import { toDraftRecord, type DraftRecord } from "./draft-record";

export interface UpdateDraftOptions {
  prisma: PrismaClient;
  code: string;
  /** The revision the editor started from: anything older than the stored one is a 409. */
  revision: number;
  guide: Guide;
  actor: string;
  now: Date;
}

/**
 * Saves an edit of the draft. A published or rejected draft becomes a new draft (editing a
 * published guide leaves the published version untouched until the next publication).
 * Optimistic locking: the update only applies where the stored revision is the one the
 * editor saw, so two staff editing at once cannot overwrite each other silently.
 */
export async function updateDraft(opts: UpdateDraftOptions): Promise<DraftRecord> {
  const { prisma, code, revision, guide, actor, now } = opts;
  if (guide.code !== code) throw catalogErrors("guide_code_mismatch");
  return prisma.$transaction(async (tx) => {
    const item = await findItemForEditing(tx, code);
    const draft = item.draft;
    if (!draft) throw catalogErrors("draft_not_found", { code });
    checkRevision(draft.revision, revision);
    assertTransition(draft.status, "draft");
    const wasPublished = draft.status === "published";
    const content = toJson(guide);
    await guardedUpdate(tx, item.id, revision, {
      content: content as object,
      status: "draft",
      comment: null,
      baseVersion: wasPublished ? (item.currentVersion?.version ?? null) : draft.baseVersion,
      updatedBy: actor,
      updatedAt: now,
    });
    await writeAudit(tx, { actor, action: "draft.update", entity: "item", entityId: code, diff: diffJson(draft.content, content), at: now });
    return toDraftRecord(code, (await tx.guideDraft.findUnique({ where: { itemId: item.id } }))!);
  });
}

export function checkRevision(stored: number, given: number): void {
  if (stored !== given) {
    throw catalogErrors("draft_revision_conflict", { stored, given }, { revision: stored });
  }
}

/** Applies `data` and bumps the revision only if the revision is still `revision` (compare-and-set). */
export async function guardedUpdate(tx: DbClient, itemId: string, revision: number, data: Record<string, unknown>): Promise<void> {
  const r = await tx.guideDraft.updateMany({ where: { itemId, revision }, data: { ...data, revision: revision + 1 } });
  if (r.count !== 1) throw catalogErrors("draft_changed");
}
