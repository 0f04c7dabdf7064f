import { getEditingState, type ItemRecord } from "../../catalog";
import type { PrismaClient } from "../../platform/db";
import { consoleErrors } from "../errors";

/**
 * The item as the citizen's guide page will show it once the draft is published: the draft (else
 * the published guide) under the version number publishing will give it.
 */
export async function getGuidePreview(o: { prisma: PrismaClient; code: string; now: Date }): Promise<ItemRecord> {
  const s = await getEditingState(o);
  const guide = s.draft?.guide ?? s.published?.guide;
  if (!guide) throw consoleErrors("guide_not_previewable");
  const version = s.draft && s.draft.status !== "published" ? (s.published?.version ?? 0) + 1 : (s.published?.version ?? 1);
  return {
    code: o.code, name: guide.name, type: guide.type, region: guide.region ?? null, department: null, hasGuide: true, guide, version,
    updatedAt: s.draft?.updatedAt ?? o.now, taskType: null, link: null, catalog: null,
  };
}
