import type { ApplicationModel, PrismaClient } from "../platform/db";
import { normalizeApplicationNumber } from "./application-number";
import { applicationErrors } from "./errors";

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
  if (!found) throw applicationErrors("application_not_found", { ref: ref.number ?? ref.externalRef ?? "" });
  return found;
}
