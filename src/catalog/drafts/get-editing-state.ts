import type { PrismaClient } from "../../platform/db";
import type { Guide } from "../guide-schema";
import { findItemForEditing } from "./find-item";
import { toDraftRecord, type DraftRecord } from "./draft-record";

export interface EditingState {
  code: string;
  listed: boolean;
  draft: DraftRecord | null;
  /** The version the public sees (or saw, for a retired item). */
  published: { version: number; guide: Guide } | null;
}

/** What staff need to edit or review an item: its draft (if any) beside its published guide. */
export async function getEditingState(opts: { prisma: PrismaClient; code: string }): Promise<EditingState> {
  const item = await findItemForEditing(opts.prisma, opts.code);
  const row = await opts.prisma.serviceItem.findUniqueOrThrow({ where: { id: item.id }, select: { listed: true } });
  const v = item.currentVersion;
  return {
    code: item.code,
    listed: row.listed,
    draft: item.draft ? toDraftRecord(item.code, item.draft) : null,
    published: v ? { version: v.version, guide: v.content as Guide } : null,
  };
}
