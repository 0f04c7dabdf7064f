import type { PrismaClient } from "../../platform/db";
import { catalogErrors } from "../errors";
import { findItemForEditing } from "./find-item";
import { toDraftRecord, type DraftRecord } from "./draft-record";

export async function getDraft(opts: { prisma: PrismaClient; code: string }): Promise<DraftRecord> {
  const item = await findItemForEditing(opts.prisma, opts.code);
  if (!item.draft) throw catalogErrors("draft_not_found", { code: opts.code });
  return toDraftRecord(opts.code, item.draft);
}
