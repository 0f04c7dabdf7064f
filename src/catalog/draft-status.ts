import { catalogErrors } from "./errors";

/**
 * The review workflow of a guide draft, as a pure state machine:
 * draft → in_review → published | rejected; a rejected or published draft goes back to
 * draft when staff edit it again (editing a published guide starts the next draft).
 */
export const draftStatuses = ["draft", "in_review", "published", "rejected"] as const;
export type DraftStatus = (typeof draftStatuses)[number];

export const draftTransitions: Record<DraftStatus, readonly DraftStatus[]> = {
  draft: ["draft", "in_review"],
  in_review: ["published", "rejected"],
  rejected: ["draft"],
  published: ["draft"],
};

export function canTransition(from: DraftStatus, to: DraftStatus): boolean {
  return draftTransitions[from].includes(to);
}

export function assertTransition(from: string, to: DraftStatus): void {
  if (!(draftStatuses as readonly string[]).includes(from) || !canTransition(from as DraftStatus, to)) {
    throw catalogErrors("draft_transition_invalid", { from, to }, { from, to });
  }
}
