import { getEditingState, listVersions, type EditingState, type VersionRecord } from "../../catalog";
import type { PrismaClient } from "../../platform/db";
import { guideName } from "./editable-guide";

/** One item for staff: its draft beside what the public sees, and its published versions. */
export async function getGuideDetail(o: { prisma: PrismaClient; code: string }): Promise<{ state: EditingState; name: string; versions: VersionRecord[] }> {
  const state = await getEditingState(o);
  const versions = await listVersions(o);
  return { state, name: guideName(state), versions };
}
