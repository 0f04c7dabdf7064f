import { getEditingState, type Guide } from "../../catalog";
import type { PrismaClient } from "../../platform/db";
import { editableGuide } from "./editable-guide";

/** What the edit form opens with: the draft, or the published guide a save will start a draft from. */
export async function getGuideForEditing(o: { prisma: PrismaClient; code: string }): Promise<{ guide: Guide | undefined; revision: number | null }> {
  return editableGuide(await getEditingState(o));
}
