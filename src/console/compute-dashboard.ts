import { applicationsDeps, countSupervisionAlerts } from "../applications";
import { listQuestionDays, listQuestions } from "../catalog";
import type { ComplaintDesk } from "../complaints";
import type { AppContext } from "../platform/context";

export interface ComputeDashboardOptions {
  app: AppContext;
  desk: ComplaintDesk;
  /** A handler's scope (staffDepartmentScope): complaints and applications are that department's only. */
  department?: string | undefined;
}

export type DashboardFigures = Awaited<ReturnType<typeof computeDashboard>>;

/**
 * The dashboard's figures, from the capabilities' own counting operations: questions per day
 * and the share answered (the service's, whatever the scope), complaints by category and
 * department, the on-time reply rate (open overdue tickets count as late), 好差评, application
 * 预警/超期 per department, and the most asked unanswered questions. presentDashboard shapes them
 * for the page and for GET /api/v1/admin/dashboard alike.
 */
export async function computeDashboard(o: ComputeDashboardOptions) {
  const { app, department } = o;
  const [days, complaints, applications, unanswered] = await Promise.all([
    listQuestionDays({ prisma: app.db.prisma, today: app.now(), days: 14 }),
    o.desk.stats(department),
    countSupervisionAlerts(applicationsDeps(app)),
    listQuestions({ prisma: app.db.prisma, page: 1, pageSize: 10 }),
  ]);
  return {
    at: app.now(),
    days,
    complaints,
    applications: applications.filter((d) => department === undefined || d.department === department),
    unanswered,
  };
}
