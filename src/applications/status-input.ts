import { z } from "zod";
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, type ApplicationStatus } from "./application-status";

const BY_LABEL = new Map<string, ApplicationStatus>(
  APPLICATION_STATUSES.flatMap((s) => [[APPLICATION_STATUS_LABELS[s], s] as const, ...APPLICATION_STATUS_LABELS[s].split("/").map((l) => [l, s] as const)]),
);

/** A status as code ("accepted") or as its Chinese label ("已受理"), as upstream systems and CSV files write them. */
export function parseStatusInput(value: string): ApplicationStatus | undefined {
  const v = value.trim();
  return (APPLICATION_STATUSES as readonly string[]).includes(v) ? (v as ApplicationStatus) : BY_LABEL.get(v);
}

export const statusInputSchema = z
  .string()
  .transform((v, ctx) => {
    const s = parseStatusInput(v);
    if (!s) {
      ctx.addIssue({ code: "custom", message: `unknown status; one of ${APPLICATION_STATUSES.join(", ")} or its Chinese label` });
      return z.NEVER;
    }
    return s;
  });
