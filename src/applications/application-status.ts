import { z } from "zod";
import { applicationErrors } from "./errors";
import { applicationsText } from "./texts";

/**
 * The life of an application (办件), as national 政务服务 practice records it. Pure: a
 * transitions table plus assertTransition; storing the timeline is the caller's job.
 *
 * Legal anchors: 《行政许可法》第32条 (受理 / 不予受理 / 一次告知补正), 第45条 (听证、检验、
 * 专家评审等特别程序的时间不计入期限), 第44条 (决定后送达).
 */
export const APPLICATION_STATUSES = [
  "submitted",
  "accepted",
  "rejected",
  "supplement_required",
  "supplement_submitted",
  "under_review",
  "special_procedure",
  "suspended",
  "decided",
  "delivered",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const isApplicationStatus = (s: string): s is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(s);

/** Each status's label (templates/applications/zh.yaml status.*), read once. */
export const APPLICATION_STATUS_LABELS = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, applicationsText(`status.${s}`)])) as Record<ApplicationStatus, string>;

const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  // 第32条: on receipt the office accepts, refuses, or asks once for everything missing.
  submitted: ["accepted", "rejected", "supplement_required", "withdrawn"],
  // An applicant who never supplements is refused or withdraws.
  supplement_required: ["supplement_submitted", "rejected", "withdrawn"],
  // Before 受理 the answer is accept/refuse; during review the file goes back to the department.
  // A second 补正 is allowed: the "一次告知" rule binds the office, but new defects can appear.
  supplement_submitted: ["accepted", "under_review", "supplement_required", "rejected", "withdrawn"],
  // 即办 items are decided at the counter right after 受理.
  accepted: ["under_review", "supplement_required", "suspended", "decided", "withdrawn"],
  under_review: ["supplement_required", "special_procedure", "suspended", "decided", "withdrawn"],
  // A special procedure ends by returning to the department, which then decides.
  special_procedure: ["under_review", "withdrawn"],
  suspended: ["under_review", "withdrawn"],
  decided: ["delivered"],
  rejected: [],
  delivered: [],
  withdrawn: [],
};

export const TERMINAL_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter(
  (s) => TRANSITIONS[s].length === 0,
);

/** While in these the time-limit clock does not run (第45条; 补正 time is the applicant's). */
export const CLOCK_PAUSING_STATUSES: readonly ApplicationStatus[] = ["supplement_required", "special_procedure", "suspended"];

/** The clock stops for good once the office has answered (or the applicant walked away). */
export const CLOCK_STOPPING_STATUSES: readonly ApplicationStatus[] = ["decided", "rejected", "withdrawn", "delivered"];

export const allowedTransitions = (from: ApplicationStatus): readonly ApplicationStatus[] => TRANSITIONS[from];

export const canTransition = (from: ApplicationStatus, to: ApplicationStatus): boolean => TRANSITIONS[from].includes(to);

export const isTerminal = (status: ApplicationStatus): boolean => TRANSITIONS[status].length === 0;

export const pausesClock = (status: ApplicationStatus): boolean => CLOCK_PAUSING_STATUSES.includes(status);

const label = (s: ApplicationStatus) => applicationsText("text.quoted", { label: APPLICATION_STATUS_LABELS[s] });

export function assertTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (canTransition(from, to)) return;
  const why = isTerminal(from)
    ? applicationsText("text.terminal", { status: label(from) })
    : applicationsText("text.allowed", { statuses: TRANSITIONS[from].map(label).join(applicationsText("text.list_separator")) });
  throw applicationErrors("transition_not_allowed", { from: label(from), to: label(to), why }, { from, to });
}

export const SPECIAL_PROCEDURE_KINDS = ["hearing", "expert_review", "inspection", "other"] as const;
export type SpecialProcedureKind = (typeof SPECIAL_PROCEDURE_KINDS)[number];
export const DECISION_OUTCOMES = ["approved", "not_approved"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

const text = z.string().trim().min(1);

/** What each move must carry; moves not listed need nothing. */
const DETAIL_SCHEMAS = {
  rejected: z.object({ reason: text }),
  supplement_required: z.object({ materials: z.array(text).min(1) }),
  special_procedure: z.object({ procedureKind: z.enum(SPECIAL_PROCEDURE_KINDS), note: text.optional() }),
  suspended: z.object({ reason: text }),
  decided: z.object({ outcome: z.enum(DECISION_OUTCOMES), resultText: text }),
} satisfies Partial<Record<ApplicationStatus, z.ZodObject>>;

type DetailSchemas = typeof DETAIL_SCHEMAS;
export type TransitionDetails<S extends ApplicationStatus> = S extends keyof DetailSchemas
  ? z.infer<DetailSchemas[S]>
  : Record<string, never>;

/** Field names a move to `to` requires, e.g. rejected → ["reason"]. */
export function requiredFields(to: ApplicationStatus): string[] {
  const schema = (DETAIL_SCHEMAS as Partial<Record<ApplicationStatus, z.ZodObject>>)[to];
  if (!schema) return [];
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}

/** Checks the move and its details together; bad details are the caller's input (bad_request). */
export function parseTransition<S extends ApplicationStatus>(from: ApplicationStatus, to: S, details: unknown): TransitionDetails<S> {
  assertTransition(from, to);
  return parseDetails(to, details);
}

/**
 * The details check alone, for an event recorded without moving the status (an out-of-order
 * upstream event older than the current status: its move was legal when it happened).
 */
export function parseDetails<S extends ApplicationStatus>(to: S, details: unknown): TransitionDetails<S> {
  const schema = (DETAIL_SCHEMAS as Partial<Record<ApplicationStatus, z.ZodObject>>)[to];
  if (!schema) return {} as TransitionDetails<S>;
  const result = schema.safeParse(details ?? {});
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? "")))];
    throw applicationErrors("details_required", { to: label(to), fields: fields.join(applicationsText("text.list_separator")) }, { to, issues: result.error.issues });
  }
  return result.data as TransitionDetails<S>;
}
