import type { ApplicationModel, PrismaClient } from "../platform/db";
import { AppError } from "../platform/errors";
import { normalizeApplicationNumber } from "./application-number";

export interface ApplicationRef {
  /** 办件编号 */
  number?: string | undefined;
  /** The upstream system's own number */
  externalRef?: string | undefined;
}

/** Finds by number or upstream reference; not_found otherwise. */
export async function findApplication(prisma: PrismaClient, ref: ApplicationRef): Promise<ApplicationModel> {
  const number = ref.number ? (normalizeApplicationNumber(ref.number) ?? ref.number.trim().toUpperCase()) : undefined;
  const found = number
    ? await prisma.application.findUnique({ where: { number } })
    : ref.externalRef
      ? await prisma.application.findUnique({ where: { externalRef: ref.externalRef } })
      : null;
  if (!found) throw new AppError("not_found", `未找到办件 ${ref.number ?? ref.externalRef ?? ""}`.trim());
  return found;
}
