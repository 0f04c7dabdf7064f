import type { Guide } from "../guide-schema";
import type { DbClient } from "../db-types";
import { contentHash, toJson } from "../content-hash";
import { diffJson, type FieldChange } from "../guide-diff";
import { itemColumnsFromGuide } from "../items/item-fields";
import { ensureDepartments, departmentKey } from "../items/ensure-departments";
import { guideDepartment } from "../items/item-fields";

export interface PublishVersionOptions {
  /** Run inside a transaction: the version, the item row and the audit entry go together. */
  tx: DbClient;
  guide: Guide;
  actor: string;
  now: Date;
  /** `source` of the item when it does not exist yet. */
  source: "guide" | "staff";
  /** Department id when the caller resolved it already (batch import). */
  departmentId?: string;
}

export interface PublishVersionResult {
  changed: boolean;
  version: number;
  diff: FieldChange[];
}

/**
 * Publishes `guide` as the next immutable version of its item (creating the item when new),
 * unless its content hash equals the current version's — then nothing changes, which is what
 * makes re-imports idempotent. The item's columns are updated to mirror the new version.
 */
export async function publishVersion(opts: PublishVersionOptions): Promise<PublishVersionResult> {
  const { tx, guide, actor, now } = opts;
  const hash = contentHash(guide);
  const item = await tx.serviceItem.findUnique({
    where: { code: guide.code },
    select: { id: true, currentVersion: { select: { version: true, contentHash: true, content: true } } },
  });
  const current = item?.currentVersion;
  if (current && current.contentHash === hash) return { changed: false, version: current.version, diff: [] };

  const departmentId = opts.departmentId ?? (await resolveDepartment(tx, guide));
  const content = toJson(guide);
  const diff = current ? diffJson(current.content, content) : [];
  const version = (current?.version ?? 0) + 1;
  const columns = { ...itemColumnsFromGuide(guide), departmentId, updatedAt: now };
  const itemId =
    item?.id ??
    (await tx.serviceItem.create({ data: { code: guide.code, source: opts.source, ...columns }, select: { id: true } })).id;
  const created = await tx.guideVersion.create({
    data: {
      itemId,
      version,
      content: content as object,
      contentHash: hash,
      name: guide.name,
      type: guide.type,
      region: guide.region ?? null,
      audience: [...guide.audience],
      diff: toJson(diff) as object[],
      publishedBy: actor,
      publishedAt: now,
    },
    select: { id: true },
  });
  await tx.serviceItem.update({ where: { id: itemId }, data: { ...columns, currentVersionId: created.id } });
  return { changed: true, version, diff };
}

async function resolveDepartment(tx: DbClient, guide: Guide): Promise<string> {
  const dep = guideDepartment(guide);
  const ids = await ensureDepartments(tx, [dep]);
  return ids.get(departmentKey(dep))!;
}
