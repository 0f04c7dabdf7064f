import { z } from "zod";
import { maskText } from "../platform/privacy";
import { DECISION_OUTCOMES } from "./application-status";
import { applicationsText } from "./texts";

/**
 * What a step asks of the applicant or tells them, as "my applications" shows it: the
 * materials to supplement, the reason of a refusal or suspension, the decision and its text.
 * The record a citizen can always read, whether a message reached them or not.
 */
export const stepDetailsSchema = z.object({
  materials: z.array(z.string()).optional(),
  reason: z.string().optional(),
  outcome: z.enum(DECISION_OUTCOMES).optional(),
  outcomeLabel: z.string().optional(),
  resultText: z.string().optional(),
});
export type StepDetails = z.infer<typeof stepDetailsSchema>;

const text = (v: unknown) => (typeof v === "string" && v.trim() ? maskText(v.trim()) : undefined);

/** The details of a stored event, masked; null when the step carries none. */
export function presentStepDetails(details: unknown): StepDetails | null {
  if (!details || typeof details !== "object") return null;
  const d = details as Record<string, unknown>;
  const out: StepDetails = {};
  if (Array.isArray(d.materials)) {
    const materials = d.materials.map(text).filter((m): m is string => !!m);
    if (materials.length) out.materials = materials;
  }
  const reason = text(d.reason);
  if (reason) out.reason = reason;
  if (d.outcome === "approved" || d.outcome === "not_approved") {
    out.outcome = d.outcome;
    out.outcomeLabel = applicationsText(`notice.status.${d.outcome}`);
  }
  const resultText = text(d.resultText);
  if (resultText) out.resultText = resultText;
  return Object.keys(out).length ? out : null;
}
