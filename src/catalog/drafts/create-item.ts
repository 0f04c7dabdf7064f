import type { PrismaClient } from "../../platform/db";
import type { KeyValueStore } from "../../platform/store";
import { catalogErrors } from "../errors";
import type { Guide } from "../guide-schema";
import { toJson } from "../content-hash";
import { writeAudit } from "../../platform/audit";
import { searchTextOf } from "../items/item-fields";
import { toDraftRecord, type DraftRecord } from "./draft-record";
import { announceChanged } from "../events";

export interface CreateItemOptions {
  prisma: PrismaClient;
  /** Where `catalog.changed` is announced once the item exists. */
  store?: KeyValueStore;
  guide: Guide;
  actor: string;
  now: Date;
}

/**
 * A new item whose guide starts as a draft. The item stays unlisted (invisible to the public)
 * until its first publication. An existing code is a conflict: start a draft on it instead.
 */
export async function createItem(opts: CreateItemOptions): Promise<DraftRecord> {
  const { prisma, guide, actor, now } = opts;
  const exists = await prisma.serviceItem.findUnique({ where: { code: guide.code }, select: { id: true } });
  if (exists) throw catalogErrors("item_exists", { code: guide.code });
  const draft = await prisma.$transaction(async (tx) => {
    const item = await tx.serviceItem.create({
      data: {
        code: guide.code,
        name: guide.name,
        aliases: guide.aliases,
        type: guide.type,
        source: "staff",
        listed: false,
        searchText: searchTextOf(guide.name, guide.aliases),
        createdAt: now,
        updatedAt: now,
        draft: { create: { content: toJson(guide) as object, updatedBy: actor, createdAt: now, updatedAt: now } },
      },
      select: { draft: true },
    });
    await writeAudit(tx, { actor, action: "item.create", entity: "item", entityId: guide.code, diff: { guide }, at: now });
    return toDraftRecord(guide.code, item.draft!);
  });
  await announceChanged(opts.store, [draft.code]);
  return draft;
}
