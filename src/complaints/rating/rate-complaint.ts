import { rectificationDueAt } from "../deadlines";
import { text } from "../texts";
import type { ComplaintsDeps } from "../deps";
import { isNegative, type Satisfaction } from "../types";
import type { Complaint } from "../workflow/db";
import { policyFor } from "../workflow/deadline-fields";
import { recordEvent, transitionComplaint } from "../workflow/transition";
import { findComplaint } from "../workflow/db";
import { assertRatable } from "./ratable";

export interface RateComplaintOptions {
  ref: string;
  satisfaction: Satisfaction;
  comment?: string | undefined;
  /** Where the rating came from: wechat | miniprogram | link | staff (回访 by phone). */
  via: string;
}

/**
 * 好差评: the citizen rates the answer on the five-level scale. 不满意/非常不满意 open a
 * rectification (整改) with its own deadline — the reply limit again, in working days from
 * today — which staff re-check.
 */
export async function rateComplaint(deps: ComplaintsDeps, o: RateComplaintOptions): Promise<Complaint> {
  // Refused in the citizen's words first; the transition below still guards a race.
  assertRatable(await findComplaint(deps.app.db.prisma, o.ref));
  const now = deps.app.now();
  const negative = isNegative(o.satisfaction);
  const calendar = negative ? await deps.calendar.get() : undefined;
  return transitionComplaint(deps, {
    ref: o.ref,
    to: "rated",
    actor: o.via === "staff" ? "staff" : "citizen",
    note: o.comment,
    data: { satisfaction: o.satisfaction, via: o.via },
    patch: (c) => ({
      satisfaction: o.satisfaction,
      ratedAt: now,
      ...(negative ? { rectification: "open", rectificationDueAt: rectificationDueAt(now, policyFor(deps, c), calendar!) } : {}),
    }),
    after: async (c, tx) => {
      if (!negative) return;
      await recordEvent(tx, {
        complaintId: c.id,
        type: "rectification",
        actor: "system",
        at: now,
        note: text("timeline.rectification_opened"),
        data: { state: "open", dueAt: c.rectificationDueAt?.toISOString() },
      });
    },
  });
}

