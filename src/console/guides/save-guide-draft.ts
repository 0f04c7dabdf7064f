import { getEditingState, startDraft, updateDraft } from "../../catalog";
import type { PrismaClient } from "../../platform/db";
import { parseGuideForm, type ParsedGuideForm } from "../guide-form/parse-guide-form";
import { editableGuide } from "./editable-guide";

export interface SaveGuideDraftOptions {
  prisma: PrismaClient;
  code: string;
  /** The edit form's fields. */
  form: Record<string, string>;
  /** The draft's revision the editor saw (none when no draft was open). */
  revision: number | undefined;
  actor: string;
  now: Date;
}

/**
 * The edit form saved as the item's draft, validated as the importer validates a guide file: the
 * form is read against the stored draft, whose translations (not on the form) it keeps. No draft
 * yet: this save starts one; otherwise it edits the draft at the revision the editor saw. A form
 * that does not validate is returned with its errors, and nothing is saved.
 */
export async function saveGuideDraft(o: SaveGuideDraftOptions): Promise<{ saved: true } | { saved: false; parsed: ParsedGuideForm }> {
  const s = await getEditingState(o);
  const parsed = parseGuideForm(o.form, o.code, { translations: editableGuide(s).guide?.translations });
  if (!parsed.guide) return { saved: false, parsed };
  const who = { prisma: o.prisma, actor: o.actor, now: o.now, code: o.code, guide: parsed.guide };
  if (!s.draft) await startDraft(who);
  else await updateDraft({ ...who, revision: o.revision ?? -1 });
  return { saved: true };
}
