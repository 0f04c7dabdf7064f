import { createItem, resolveQuestion, type Guide } from "../../catalog";
import type { PrismaClient } from "../../platform/db";
import { isAppError } from "../../platform/errors";
import type { KeyValueStore } from "../../platform/store";

export interface CreateGuideItemOptions {
  prisma: PrismaClient;
  store: KeyValueStore;
  guide: Guide;
  /** The knowledge gap (unanswered question) the item was started from. */
  fromQuestion?: string | undefined;
  actor: string;
  now: Date;
}

/** A new item with its guide as an unpublished draft; started from a knowledge gap, the question leaves the unanswered list. */
export async function createGuideItem(o: CreateGuideItemOptions): Promise<void> {
  await createItem({ prisma: o.prisma, store: o.store, guide: o.guide, actor: o.actor, now: o.now });
  if (!o.fromQuestion) return;
  // Already resolved (another editor acted on it meanwhile): the item stands all the same.
  await resolveQuestion({ prisma: o.prisma, id: o.fromQuestion, resolution: `draft:${o.guide.code}`, actor: o.actor, now: o.now })
    .catch((e) => (isAppError(e) ? undefined : Promise.reject(e)));
}
