import { formatShanghai } from "../calendar";
import { t } from "../platform/templates";
import type { ApplicationView } from "./presenters";
import type { StepDetails } from "./step-details";

const T = (lang: string, id: string, vars?: Record<string, string | number>) => t("applications", lang, `chat.${id}`, vars);

/** The chat answer: status, last step, due date and days left (from the presented view). */
export function progressText(view: ApplicationView, lang: string): string {
  const step = view.lastStep;
  const lastStep = step
    ? T(lang, step.note ? "last_step_note" : "last_step", { label: step.label, at: formatShanghai(new Date(step.at)), ...(step.note ? { note: step.note } : {}) }) +
      actionText(step.details, lang)
    : view.statusLabel;
  return T(lang, "progress", { number: view.number, item: view.itemName, status: view.statusLabel, lastStep, deadline: deadlineText(view, lang) });
}

/** What the step asks of the applicant or decided: the 补正 list, the result, the reason. */
function actionText(details: StepDetails | null | undefined, lang: string): string {
  if (!details) return "";
  const lines: string[] = [];
  if (details.materials) lines.push(T(lang, "action.materials", { materials: details.materials.join(T(lang, "action.separator")) }));
  if (details.outcomeLabel) lines.push(T(lang, "action.decision", { outcome: details.outcomeLabel, result: details.resultText ?? "" }));
  if (details.reason) lines.push(T(lang, "action.reason", { reason: details.reason }));
  return lines.map((l) => `\n${l}`).join("");
}

function deadlineText(view: ApplicationView, lang: string): string {
  const c = view.clock;
  const d = (id: string, vars: Record<string, string | number> = {}) => T(lang, `deadline.${id}`, vars);
  if (c.problem) return d("unknown", { problem: c.problem });
  if (!c.started) return d("not_started", { limit: c.limit });
  if (c.stopped) return d("stopped");
  const dueDate = c.dueDate ?? "";
  const unit = c.limit.endsWith("自然日") ? "自然日" : "工作日";
  // "已纳入电子监察" only when staff have the alert: the text says what they see.
  if (c.overdue) return d(view.supervision.overdueAt ? "overdue" : "overdue_unflagged", { dueDate, limit: c.limit, over: Math.max(1, -(c.daysLeft ?? 0)), unit });
  if (c.paused) return d("paused", { status: view.statusLabel, used: c.daysUsed ?? 0, left: c.daysLeft ?? 0, unit });
  if (c.daysLeft === null) return d("immediate", { dueDate });
  if (c.daysLeft === 0) return d("due_today", { dueDate, limit: c.limit });
  return d("running", { dueDate, limit: c.limit, used: c.daysUsed ?? 0, left: c.daysLeft, unit });
}
