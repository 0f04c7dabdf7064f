import { text } from "./texts";

/** 投诉/求助/建议/咨询 */
export const COMPLAINT_KINDS = ["complaint", "help", "suggestion", "consultation"] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
/** What citizens read for each kind (templates/complaints, `labels.kind`). */
export const COMPLAINT_KIND_LABELS = Object.fromEntries(COMPLAINT_KINDS.map((k) => [k, text(`labels.kind.${k}`)])) as Record<ComplaintKind, string>;

export const CHANNELS = ["wechat", "miniprogram", "open311", "api"] as const;
export type ComplaintChannel = (typeof CHANNELS)[number];

/** The national five-level 好差评 scale (国办发〔2019〕51号), best first. */
export const SATISFACTION_LEVELS = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
/** 差评 open a rectification (整改). */
export const isNegative = (s: Satisfaction) => s === "不满意" || s === "非常不满意";

/** The categories the classifier knows; routes are kept per category. */
export const CATEGORIES = ["城乡建设", "劳动和社会保障", "教育文体", "商贸旅游", "环境保护", "卫生计生", "交通运输"] as const;

/** Statuses in which a department holds the ticket and its deadlines run. */
export const HANDLING_STATUSES = ["dispatched", "signed", "in_progress", "extension_requested", "extension_approved", "reopened"] as const;
/** Open (not finished) statuses for duplicate detection. */
export const OPEN_STATUSES = ["accepted", "returned", ...HANDLING_STATUSES] as const;
