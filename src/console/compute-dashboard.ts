import { applicationsDeps, countSupervisionAlerts } from "../applications";
import { listQuestionDays, listQuestions } from "../catalog";
import type { ComplaintDesk } from "../complaints";
import type { AppContext } from "../platform/context";

/**
 * The dashboard's figures, from the capabilities' own counting operations: questions per day
 * and the share answered, complaints by
 * category and department, the on-time reply rate (open overdue tickets count as late), 好差评,
 * application 预警/超期 per department, and the most asked unanswered questions. The page draws
 * its charts from exactly this JSON (GET /api/v1/admin/dashboard). With `department` (a
 * handler's scope) complaints and applications are that department's only; questions are the service's.
 */
export async function computeDashboard(app: AppContext, desk: ComplaintDesk, department?: string) {
  const [days, complaints, applications, questions] = await Promise.all([
    listQuestionDays({ prisma: app.db.prisma, today: app.now(), days: 14 }),
    desk.stats(department),
    countSupervisionAlerts(applicationsDeps(app)),
    listQuestions({ prisma: app.db.prisma, page: 1, pageSize: 10 }),
  ]);
  return {
    generatedAt: app.now().toISOString(),
    /** Questions per day (chat and /api/v1/ask) and the share answered with confidence, last 14 days. */
    questions: days,
    complaints,
    applications: applications.filter((d) => department === undefined || d.department === department).map((d) => ({ department: d.department, warning: d.warning, overdue: d.overdue, openWarning: d.openWarning, openOverdue: d.openOverdue })),
    unanswered: {
      distinct: questions.total,
      top: questions.questions.map((q) => ({ question: q.question, count: q.count })),
    },
  };
}

export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;
