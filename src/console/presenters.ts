import { presentApplication } from "../applications";
import type { AppContext } from "../platform/context";
import type { ApplicationState } from "./applications/load-visible-application";
import type { DashboardFigures } from "./compute-dashboard";

/** The console's JSON: GET /api/v1/admin/dashboard, which the dashboard page also draws its tables from. */
export function presentDashboard(f: DashboardFigures) {
  return {
    generatedAt: f.at.toISOString(),
    /** Questions per day (chat and /api/v1/ask) and the share answered with confidence, last 14 days. */
    questions: f.days.map((d) => ({ day: d.day, asked: d.asked, unanswered: d.unanswered, answeredShare: d.answeredShare })),
    /** The complaints capability's figures, as it counts them. */
    complaints: f.complaints,
    applications: f.applications.map((d) => ({ department: d.department, warning: d.warning, overdue: d.overdue, openWarning: d.openWarning, openOverdue: d.openOverdue })),
    unanswered: {
      distinct: f.unanswered.total,
      top: f.unanswered.questions.map((q) => ({ question: q.question, count: q.count })),
    },
  };
}

export type Dashboard = ReturnType<typeof presentDashboard>;

/** One application as staff see it (the applications capability's staff view), with its timeline. */
export const presentStaffApplication = (ctx: Pick<AppContext, "crypto">, state: ApplicationState) => presentApplication(ctx, state, { audience: "staff", timeline: true });

/** A list of applications as staff see them, without timelines. */
export const presentStaffApplications = (ctx: Pick<AppContext, "crypto">, states: ApplicationState[]) => states.map((s) => presentApplication(ctx, s, { audience: "staff" }));
