import type { PrismaClient } from "../../platform/db";
import type { KeyValueStore } from "../../platform/store";
import { catalogErrors } from "../errors";
import { guideSchema } from "../guide-schema";
import { assertTransition } from "../draft-status";
import { writeAudit } from "../../platform/audit";
import { publishVersion } from "../versions/publish-version";
import { announceChanged } from "../events";
import { findItemForEditing } from "./find-item";
import { checkRevision, guardedUpdate } from "./update-draft";
import { draftAuthors } from "./draft-authors";

export interface PublishDraftOptions {
  prisma: PrismaClient;
  store?: KeyValueStore;
  code: string;
  revision: number;
  actor: string;
  now: Date;
  /**
   * Four eyes: a person never publishes a draft they wrote (reviewer_is_author). Off only for
   * the machine token, which automation uses for both steps.
   */
  fourEyes?: boolean;
}

/**
 * Approves a reviewed draft: it becomes the item's next immutable version (with the
 * field-level diff from the previous one), the item becomes public if it was not, and every
 * instance's search index is told (`catalog.changed`).
 */
export async function publishDraft(opts: PublishDraftOptions): Promise<{ code: string; version: number; changes: number }> {
  const { prisma, code, revision, actor, now } = opts;
  const result = await prisma.$transaction(async (tx) => {
    const item = await findItemForEditing(tx, code);
    if (!item.draft) throw catalogErrors("draft_not_found", { code });
    checkRevision(item.draft.revision, revision);
    assertTransition(item.draft.status, "published");
    if (opts.fourEyes && (await draftAuthors(tx, code)).has(actor)) throw catalogErrors("reviewer_is_author", { code });
    // Re-validate: the stored JSON was valid when saved, but the schema may have grown since.
    const guide = guideSchema.parse(item.draft.content);
    const r = await publishVersion({ tx, guide, actor, now, source: "staff" });
    if (!r.changed) throw catalogErrors("draft_unchanged");
    await guardedUpdate(tx, item.id, revision, { status: "published", comment: null, updatedBy: actor, updatedAt: now });
    await writeAudit(tx, { actor, action: "guide.publish", entity: "item", entityId: code, diff: { version: r.version, changes: r.diff }, at: now });
    return { code, version: r.version, changes: r.diff.length };
  });
  await announceChanged(opts.store, [code]);
  return result;
}
