import type { GuideDraftModel as GuideDraft } from "../../platform/db";
import type { Guide } from "../guide-schema";

export interface DraftRecord {
  code: string;
  status: string;
  revision: number;
  comment: string | null;
  baseVersion: number | null;
  updatedBy: string;
  updatedAt: Date;
  guide: Guide;
}

export function toDraftRecord(code: string, d: GuideDraft): DraftRecord {
  return {
    code,
    status: d.status,
    revision: d.revision,
    comment: d.comment,
    baseVersion: d.baseVersion,
    updatedBy: d.updatedBy,
    updatedAt: d.updatedAt,
    guide: d.content as Guide,
  };
}
