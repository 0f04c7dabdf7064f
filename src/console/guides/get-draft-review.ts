import { diffJson, draftAuthors, getEditingState, type EditingState, type FieldChange } from "../../catalog";
import type { PrismaClient } from "../../platform/db";
import { consoleErrors } from "../errors";
import { guideName } from "./editable-guide";

export interface DraftReview {
  state: EditingState;
  name: string;
  /** Against what the public sees now (an empty guide for a first publication). */
  changes: FieldChange[];
  /** The reviewer wrote part of the draft: publishing will be refused (four eyes). */
  own: boolean;
}

/** What a reviewer decides on: the draft under review, field by field against the published guide. */
export async function getDraftReview(o: { prisma: PrismaClient; code: string; actor: string }): Promise<DraftReview> {
  const state = await getEditingState(o);
  if (state.draft?.status !== "in_review") throw consoleErrors("draft_not_in_review");
  const changes = diffJson(state.published?.guide ?? {}, state.draft.guide);
  const own = (await draftAuthors(o.prisma, o.code)).has(o.actor);
  return { state, name: guideName(state), changes, own };
}
