import type { EditingState, Guide } from "../../catalog";

/** The draft being edited, or what the public sees when no draft is open (saving then starts one). */
export function editableGuide(s: EditingState): { guide: Guide | undefined; revision: number | null } {
  const d = s.draft;
  if (d && d.status !== "published") return { guide: d.guide, revision: d.revision };
  return { guide: s.published?.guide, revision: d?.revision ?? null };
}

/** The item's name as staff know it now: the draft's, else the published one's, else its code. */
export const guideName = (s: EditingState): string => s.draft?.guide.name ?? s.published?.guide.name ?? s.code;
