import { maskText } from "../platform/privacy";
import type { NotificationPriority } from "../notifications";
import { isApplicationStatus, type ApplicationStatus } from "./application-status";
import { statusLabel } from "./presenters";
import { applicationsText } from "./texts";

/** What a status-change notice says: the status as the applicant reads it, and what to do. */
export interface NoticeContent {
  status: string;
  /** Absent → the template's default ("点击查看办件详情"). */
  remark?: string;
  priority: NotificationPriority;
}

/**
 * Changes the applicant must act on or learns the outcome of. Only these may spend a
 * one-time subscribe allowance; 已接件, 办理中 and the like wait in "my applications".
 */
const ACTION_STATUSES: readonly ApplicationStatus[] = ["supplement_required", "rejected", "decided"];

type Details = { materials?: unknown; reason?: unknown; outcome?: unknown; resultText?: unknown };

const str = (v: unknown) => (typeof v === "string" && v.trim() ? maskText(v.trim()) : undefined);
const T = (id: string, vars?: Record<string, string | number>) => applicationsText(`notice.${id}`, vars);

/**
 * The notice of one recorded event. Staff and upstream text goes through maskText: a notice
 * shows on the lock screen. notifications fits the values to WeChat's field limits (a list
 * is cut between items); the whole list and decision are on the detail page and timeline.
 */
export function noticeContent(event: { status: string; note: string | null; details: unknown }): NoticeContent {
  const s = event.status;
  const d = (event.details && typeof event.details === "object" ? event.details : {}) as Details;
  const priority: NotificationPriority = isApplicationStatus(s) && ACTION_STATUSES.includes(s) ? "action" : "info";
  const note = str(event.note);
  if (s === "supplement_required") {
    const materials = (Array.isArray(d.materials) ? d.materials : []).map(str).filter((m): m is string => !!m);
    const remark = materials.length ? T("supplement", { count: materials.length, materials: materials.join(T("separator")) }) : note;
    return { status: T("status.supplement_required"), priority, ...(remark ? { remark } : {}) };
  }
  if (s === "decided") {
    const approved = d.outcome !== "not_approved";
    const result = str(d.resultText);
    const remark = result ? T(approved ? "approved" : "not_approved", { result }) : note;
    return { status: T(approved ? "status.approved" : "status.not_approved"), priority, ...(remark ? { remark } : {}) };
  }
  const reason = str(d.reason);
  const remark = reason ? T("reason", { reason }) : note;
  return { status: statusLabel(s), priority, ...(remark ? { remark } : {}) };
}
