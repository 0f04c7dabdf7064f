import type { PrismaClient } from "../../platform/db";
import { catalogErrors } from "../errors";
import type { Guide } from "../guide-schema";
import { toJson } from "../content-hash";
import { writeAudit } from "../../platform/audit";
import { findItemForEditing } from "./find-item";
import { toDraftRecord, type DraftRecord } from "./draft-record";

export interface StartDraftOptions {
  prisma: PrismaClient;
  code: string;
  /** The draft's content; defaults to the latest published guide. */
  guide?: Guide;
  actor: string;
  now: Date;
}

/**
 * Starts the next draft of an existing item (e.g. a catalog-only item getting its first guide,
 * or a published guide being revised). The published version stays what the public sees until
 * this draft is published. Refused while another draft is open (draft or in review).
 */
export async function startDraft(opts: StartDraftOptions): Promise<DraftRecord> {
  const { prisma, code, actor, now } = opts;
  const item = await findItemForEditing(prisma, code);
  if (opts.guide && opts.guide.code !== code) throw catalogErrors("guide_code_mismatch");
  const guide = opts.guide ?? (item.currentVersion?.content as Guide | undefined);
  if (!guide) throw catalogErrors("no_published_guide", { code });
  if (item.draft && (item.draft.status === "draft" || item.draft.status === "in_review")) {
    throw catalogErrors("draft_exists", { code, revision: item.draft.revision }, { revision: item.draft.revision });
  }
  const data = { content: toJson(guide) as object, status: "draft", comment: null, baseVersion: item.currentVersion?.version ?? null, updatedBy: actor, updatedAt: now };
  return prisma.$transaction(async (tx) => {
    const draft = await tx.guideDraft.upsert({
      where: { itemId: item.id },
      create: { itemId: item.id, ...data, createdAt: now },
      update: { ...data, revision: { increment: 1 } },
    });
    await writeAudit(tx, { actor, action: "draft.start", entity: "item", entityId: code, diff: { baseVersion: data.baseVersion }, at: now });
    return toDraftRecord(code, draft);
  });
}
