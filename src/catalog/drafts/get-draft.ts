import type { PrismaClient } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { findItemForEditing } from "./find-item";
import { toDraftRecord, type DraftRecord } from "./draft-record";

export async function getDraft(opts: { prisma: PrismaClient; code: string }): Promise<DraftRecord> {
  const item = await findItemForEditing(opts.prisma, opts.code);
  if (!item.draft) throw new AppError("not_found", `Item ${opts.code} has no draft`);
  return toDraftRecord(opts.code, item.draft);
}
