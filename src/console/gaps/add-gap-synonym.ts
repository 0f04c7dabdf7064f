import { addSynonym, getQuestion, resolveQuestion } from "../../catalog";
import type { PrismaClient } from "../../platform/db";
import type { KeyValueStore } from "../../platform/store";

export interface AddGapSynonymOptions {
  prisma: PrismaClient;
  store: KeyValueStore;
  /** The unanswered question. */
  id: string;
  /** The citizens' words and the official ones they mean. */
  terms: string[];
  canonical: string[];
  actor: string;
  now: Date;
}

/** An unanswered question answered by a synonym: the synonym added, the question off the list. */
export async function addGapSynonym(o: AddGapSynonymOptions): Promise<void> {
  // A question already resolved (another editor, another tab) is a 404 before anything is added.
  await getQuestion({ prisma: o.prisma, id: o.id });
  const s = await addSynonym({ prisma: o.prisma, store: o.store, entry: { terms: o.terms, canonical: o.canonical }, actor: o.actor, now: o.now });
  await resolveQuestion({ prisma: o.prisma, id: o.id, resolution: `synonym:${s.id}`, actor: o.actor, now: o.now });
}
