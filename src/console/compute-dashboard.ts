import { applicationsDeps, countSupervisionAlerts } from "../applications";
import { listQuestions } from "../catalog";
import type { ComplaintDesk } from "../complaints";
import type { AppContext } from "../platform/context";

/**
 * The dashboard's figures, from the capabilities' own counting operations: complaints by
 * category and department, the on-time reply rate (open overdue tickets count as late), 好差评,
 * application 预警/超期 per department, and the most asked unanswered questions. The page draws
 * its charts from exactly this JSON (GET /api/v1/admin/dashboard).
 */
export async function computeDashboard(app: AppContext, desk: ComplaintDesk) {
  const [complaints, applications, questions] = await Promise.all([
    desk.stats(),
    countSupervisionAlerts(applicationsDeps(app)),
    listQuestions({ prisma: app.db.prisma, page: 1, pageSize: 10 }),
  ]);
  return {
    generatedAt: app.now().toISOString(),
    complaints,
    applications: applications.map((d) => ({ department: d.department, warning: d.warning, overdue: d.overdue, openWarning: d.openWarning, openOverdue: d.openOverdue })),
    unanswered: {
      distinct: questions.total,
      top: questions.questions.map((q) => ({ question: q.question, count: q.count })),
    },
  };
}

export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;
