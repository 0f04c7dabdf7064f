import { z } from "zod";
import type { ApplicationEventModel, ApplicationModel } from "../platform/db";
import type { CalendarWarning } from "../calendar";
import type { AppContext } from "../platform/context";
import { maskText } from "../platform/privacy";
import type { ApplicationClock } from "./application-clock";
import { APPLICATION_STATUS_LABELS, isApplicationStatus } from "./application-status";
import { maskedApplicant } from "./applicant-data";
import { applicationsText } from "./texts";
import { presentStepDetails, stepDetailsSchema } from "./step-details";

/** What presenters need: the row, its timeline, and the clock computed now. */
export interface ApplicationState {
  application: ApplicationModel;
  events: ApplicationEventModel[];
  clock: ApplicationClock | { problem: string };
}

export const statusLabel = (s: string): string => (isApplicationStatus(s) ? APPLICATION_STATUS_LABELS[s] : s);

const clockSchema = z.object({
  started: z.boolean(),
  limit: z.string(),
  acceptedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueAt: z.string().nullable(),
  daysUsed: z.number().nullable(),
  daysLeft: z.number().nullable(),
  paused: z.boolean(),
  stopped: z.boolean(),
  overdue: z.boolean(),
  problem: z.string().nullable(),
});
const stepSchema = z.object({ status: z.string(), label: z.string(), at: z.string(), note: z.string().nullable(), details: stepDetailsSchema.nullable().optional() });

export const applicationViewSchema = z.object({
  number: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  department: z.string(),
  channel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  lastStep: stepSchema.nullable(),
  clock: clockSchema,
  supervision: z.object({ warnedAt: z.string().nullable(), overdueAt: z.string().nullable() }),
  applicant: z.object({ name: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable() }),
  createdAt: z.string(),
  timeline: z.array(stepSchema.extend({ applied: z.boolean(), actor: z.string().nullable().optional(), source: z.string().optional() })).optional(),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
// The unit is stored as its name (工作日 | 自然日 | 即办), which is also how it reads.
const limitText = (a: ApplicationModel) => (a.limitUnit === "即办" ? a.limitUnit : applicationsText("text.limit", { value: a.limitValue, unit: a.limitUnit }));
// Notes are free text typed by staff or upstream systems: never let a phone or ID number through.
const note = (n: string | null) => (n ? maskText(n) : null);

function presentClock(a: ApplicationModel, clock: ApplicationState["clock"]): ApplicationView["clock"] {
  const base = { limit: limitText(a), acceptedAt: iso(a.acceptedAt), dueDate: null, dueAt: null, daysUsed: null, daysLeft: null, paused: false, stopped: false, overdue: false, problem: null };
  if ("problem" in clock) return { ...base, started: a.acceptedAt !== null, problem: clock.problem };
  if (!clock.started) return { ...base, started: false };
  const immediate = a.limitUnit === "即办";
  return {
    ...base,
    started: true,
    acceptedAt: clock.startedAt.toISOString(),
    dueDate: clock.dueDay,
    dueAt: clock.dueAt.toISOString(),
    daysUsed: immediate ? null : clock.daysUsed,
    daysLeft: immediate ? null : clock.daysLeft,
    paused: clock.paused,
    stopped: clock.stoppedAt !== undefined,
    overdue: clock.overdue,
    // The due date and `overdue` are exact; only how far past it the case is waits for the year.
    problem: clock.countedThrough
      ? applicationsText("text.counted_through", { year: clock.countedThrough.unconfirmedYear, day: clock.countedThrough.day })
      : null,
  };
}

function lastStep(events: ApplicationEventModel[], current: string): ApplicationView["lastStep"] {
  const applied = events.filter((e) => e.applied && e.status === current).sort((x, y) => +y.at - +x.at)[0];
  return applied
    ? { status: applied.status, label: statusLabel(applied.status), at: applied.at.toISOString(), note: note(applied.note), details: presentStepDetails(applied.details) }
    : null;
}

/**
 * The one JSON shape of an application. Personal data is always masked; `audience` staff
 * adds who recorded each step and where it came from.
 */
export function presentApplication(
  ctx: Pick<AppContext, "crypto">,
  state: ApplicationState,
  opts: { timeline?: boolean; audience: "staff" | "applicant" },
): ApplicationView {
  const a = state.application;
  const view: ApplicationView = {
    number: a.number,
    itemCode: a.itemCode,
    itemName: a.itemName,
    department: a.department,
    channel: a.channel,
    status: a.status,
    statusLabel: statusLabel(a.status),
    lastStep: lastStep(state.events, a.status),
    clock: presentClock(a, state.clock),
    supervision: { warnedAt: iso(a.warnedAt), overdueAt: iso(a.overdueAt) },
    applicant: maskedApplicant(ctx, a),
    createdAt: a.createdAt.toISOString(),
  };
  if (opts.timeline) {
    view.timeline = [...state.events]
      .sort((x, y) => +x.at - +y.at)
      .map((e) => ({
        status: e.status,
        label: statusLabel(e.status),
        at: e.at.toISOString(),
        note: note(e.note),
        details: presentStepDetails(e.details),
        applied: e.applied,
        ...(opts.audience === "staff" ? { actor: e.actor, source: `${e.source}:${e.sourceId}` } : {}),
      }));
  }
  return view;
}

/** The citizen's own applications, without timelines. */
export function presentMyApplications(ctx: Pick<AppContext, "crypto">, states: ApplicationState[]) {
  return { items: states.map((s) => presentApplication(ctx, s, { audience: "applicant" })) };
}

/** A page of the staff list: each application without its timeline, and where the next page starts. */
export function presentApplicationPage(ctx: Pick<AppContext, "crypto">, page: { items: ApplicationState[]; next: string | null }) {
  return { items: page.items.map((s) => presentApplication(ctx, s, { audience: "staff" })), next: page.next };
}

/** A staff status change: the application with its timeline, and whether the move became current. */
export function presentStatusChange(ctx: Pick<AppContext, "crypto">, r: { state: ApplicationState; applied: boolean }): ApplicationView & { applied: boolean } {
  return { ...presentApplication(ctx, r.state, { audience: "staff", timeline: true }), applied: r.applied };
}

/** What an upstream system is told about the event it pushed. */
export function presentIntegrationEvent(r: { duplicate: boolean; applied: boolean; application: Pick<ApplicationModel, "number" | "status"> }) {
  return { duplicate: r.duplicate, applied: r.applied, number: r.application.number, status: r.application.status };
}

export const supervisionAlertViewSchema = z.object({
  kind: z.string(),
  department: z.string(),
  number: z.string(),
  itemName: z.string(),
  status: z.string(),
  dueAt: z.string(),
  flaggedAt: z.string(),
});
export type SupervisionAlertView = z.infer<typeof supervisionAlertViewSchema>;

/** An electronic-supervision flag as staff see it. */
export function presentSupervisionAlert(a: {
  kind: string;
  department: string;
  dueAt: Date;
  createdAt: Date;
  application: { number: string; itemName: string; status: string };
}): SupervisionAlertView {
  return {
    kind: a.kind,
    department: a.department,
    number: a.application.number,
    itemName: a.application.itemName,
    status: a.application.status,
    dueAt: a.dueAt.toISOString(),
    flaggedAt: a.createdAt.toISOString(),
  };
}

/** The alerts view: `calendarWarnings` first, what supervision cannot see yet. */
export function presentSupervisionAlerts(v: { items: Parameters<typeof presentSupervisionAlert>[0][]; calendarWarnings: CalendarWarning[] }) {
  return { calendarWarnings: v.calendarWarnings, items: v.items.map(presentSupervisionAlert) };
}

interface DepartmentCounts {
  department: string;
  warning: number;
  overdue: number;
  openWarning: number;
  openOverdue: number;
}

/** The per-department counts view, with the same calendar warnings. */
export function presentSupervisionCounts(v: { departments: DepartmentCounts[]; calendarWarnings: CalendarWarning[] }) {
  return {
    departments: v.departments.map((d) => ({ department: d.department, warning: d.warning, overdue: d.overdue, openWarning: d.openWarning, openOverdue: d.openOverdue })),
    calendarWarnings: v.calendarWarnings,
  };
}
