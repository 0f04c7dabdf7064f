import type { ComplaintsDeps } from "../deps";
import { text } from "../texts";
import { HANDLING_STATUSES } from "../types";

export const SUPERVISE_JOB = "complaints.supervise";

const STAGES = [
  { stage: 1, type: "reminder", column: "reminderAt" },
  { stage: 2, type: "supervision", column: "supervisionAt" },
  { stage: 3, type: "escalation", column: "escalationAt" },
] as const;

export interface SupervisionResult {
  fired: { ticketNo: string; type: string }[];
}

/**
 * The scheduled scan: reminders before the reply deadline, 督办 when it has passed,
 * escalation to the department head after that. Each fires once per deadline set: the event's
 * dedupe key (ticket, deadline version, stage) is unique, so a retried job, an overlapping
 * run or a second instance inserts nothing the second time — only the insert that won acts.
 * A reminder that is already late (the ticket is overdue) is skipped: 督办 says more.
 */
export async function superviseComplaints(deps: ComplaintsDeps): Promise<SupervisionResult> {
  const now = deps.app.now();
  const prisma = deps.app.db.prisma;
  const fired: SupervisionResult["fired"] = [];
  for (const s of STAGES) {
    const due = await prisma.complaint.findMany({
      where: { status: { in: [...HANDLING_STATUSES] }, supervisionStage: { lt: s.stage }, [s.column]: { lte: now } },
      select: { id: true, ticketNo: true, deadlineVersion: true, department: true, supervisionAt: true, replyDueAt: true },
      take: 500,
    });
    for (const c of due) {
      if (s.type === "reminder" && c.supervisionAt && c.supervisionAt <= now) continue;
      const { count } = await prisma.complaintEvent.createMany({
        data: [{
          complaintId: c.id,
          type: s.type,
          actor: "system",
          note: text(`timeline.${s.type}`),
          data: { department: c.department, replyDueAt: c.replyDueAt?.toISOString() },
          dedupeKey: `${c.id}:v${c.deadlineVersion}:${s.type}`,
          at: now,
        }],
        skipDuplicates: true,
      });
      // Stage only moves forward, and only within the same deadline set.
      await prisma.complaint.updateMany({
        where: { id: c.id, deadlineVersion: c.deadlineVersion, supervisionStage: { lt: s.stage } },
        data: { supervisionStage: s.stage },
      });
      if (count === 1) {
        fired.push({ ticketNo: c.ticketNo, type: s.type });
        deps.app.logger.info({ ticketNo: c.ticketNo, department: c.department, stage: s.type }, "complaint supervision");
      }
    }
  }
  return { fired };
}
