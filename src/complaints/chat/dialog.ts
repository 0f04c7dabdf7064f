import type { ComplaintKind } from "../types";
import { correctionIn, fieldOf, isCancel, isConfirm, isHelp, isNo, isQuestion, isUnknown, isYes, phoneIn, type Field } from "./phrases";

/**
 * The complaint dialogue as a pure state machine: what → where → when → consent (→ phone) →
 * summary, which the citizen confirms or corrects field by field. Every step understands
 * cancel ("算了我不投诉了"), help, and — after the description — a question typed instead of an
 * answer, which is answered while the dialogue waits. An idle draft expires (IDLE_MS).
 */
export type Step = "what" | "where" | "when" | "consent" | "phone" | "confirm" | "field" | "value";

export interface Draft {
  id: string;
  kind: ComplaintKind;
  step: Step;
  text?: string;
  address?: string;
  occurredText?: string;
  consent?: boolean;
  /** Typed by the citizen, or bound in the mini-program (`boundPhone`). */
  phone?: string;
  boundPhone?: boolean;
  /** The field being corrected (steps "value"). */
  field?: Field;
  /** ms since epoch; the dialogue is over after this (the chat session's 30 minutes). */
  expiresAt: number;
}

export const IDLE_MS = 30 * 60_000;

export type Outcome =
  /** Ask (or ask again) what the step needs: the reply is the step's prompt, optionally after a notice. */
  | { kind: "prompt"; draft: Draft; notice?: "ask_what_again" | "ask_phone_again" | "ask_consent_again" | "help" }
  /** Consent given without a number: use the bound phone if there is one, else ask for it. */
  | { kind: "need_phone"; draft: Draft }
  /** A question, not an answer: answer it, then repeat the step's prompt. */
  | { kind: "question"; draft: Draft }
  | { kind: "file"; draft: Draft }
  | { kind: "cancelled" }
  | { kind: "timed_out" };

export function startDraft(id: string, kind: ComplaintKind, rest: string, now: number): Draft {
  const described = [...rest].length >= 5;
  return { id, kind, step: described ? "where" : "what", ...(described ? { text: rest.slice(0, 2000) } : {}), expiresAt: now + IDLE_MS };
}

/** One message in the dialogue. */
export function step(d: Draft, t: string, now: number): Outcome {
  if (d.expiresAt <= now) return { kind: "timed_out" };
  if (isCancel(t)) return { kind: "cancelled" };
  const draft = { ...d, expiresAt: now + IDLE_MS };
  if (isHelp(t)) return { kind: "prompt", draft, notice: "help" };
  // At the summary, "改地址 …" corrects; elsewhere a question is answered and the step waits.
  if (draft.step === "confirm") return confirm(draft, t);
  if (draft.step !== "what" && draft.step !== "value" && isQuestion(t) && !phoneIn(t)) return { kind: "question", draft };
  switch (draft.step) {
    case "what":
      if ([...t].length < 5) return { kind: "prompt", draft, notice: "ask_what_again" };
      return next({ ...draft, text: t.slice(0, 2000) });
    case "where":
      return next({ ...draft, address: isUnknown(t) ? undefined : t.slice(0, 200) });
    case "when":
      return next({ ...draft, occurredText: isUnknown(t) ? undefined : t.slice(0, 100) });
    case "consent":
      return consent(draft, t);
    case "phone":
      return phone(draft, t);
    case "field": {
      const field = fieldOf(t);
      return field ? { kind: "prompt", draft: { ...draft, step: "value", field } } : { kind: "prompt", draft };
    }
    case "value":
      return setField(draft, draft.field ?? "text", t);
  }
}

/** The next unanswered step, or the summary once everything is answered. */
function next(d: Draft): Outcome {
  const order: Step[] = ["what", "where", "when", "consent"];
  const i = order.indexOf(d.step);
  // After the last question (when), consent is asked; corrections (setField) go straight back to the summary.
  const to = i >= 0 && i < order.length - 1 ? order[i + 1]! : "confirm";
  return { kind: "prompt", draft: { ...d, step: to, field: undefined } };
}

function consent(d: Draft, t: string): Outcome {
  const number = phoneIn(t);
  if (number) return { kind: "prompt", draft: { ...d, consent: true, phone: number, boundPhone: false, step: "confirm" } };
  if (isYes(t)) return { kind: "need_phone", draft: { ...d, consent: true } };
  if (isNo(t)) return { kind: "prompt", draft: { ...d, consent: false, phone: undefined, boundPhone: false, step: "confirm" } };
  // Neither yes, no nor a number: say what answers the step, rather than repeating it unexplained.
  return { kind: "prompt", draft: d, notice: "ask_consent_again" };
}

function phone(d: Draft, t: string): Outcome {
  const number = phoneIn(t);
  if (number) return { kind: "prompt", draft: { ...d, consent: true, phone: number, boundPhone: false, step: "confirm" } };
  if (isNo(t)) return { kind: "prompt", draft: { ...d, consent: false, phone: undefined, boundPhone: false, step: "confirm" } };
  return { kind: "prompt", draft: d, notice: "ask_phone_again" };
}

function confirm(d: Draft, t: string): Outcome {
  if (isConfirm(t)) return { kind: "file", draft: d };
  const c = correctionIn(t);
  if (c && !c.field) return { kind: "prompt", draft: { ...d, step: "field" } };
  if (c?.field && !c.value) return { kind: "prompt", draft: { ...d, step: "value", field: c.field } };
  if (c?.field) return setField(d, c.field, c.value);
  // Anything else at the summary: show it again (the prompt says how to confirm or correct).
  return { kind: "prompt", draft: d };
}

function setField(d: Draft, field: Field, value: string): Outcome {
  const back = { ...d, step: "confirm" as const, field: undefined };
  switch (field) {
    case "text":
      return [...value].length < 5 ? { kind: "prompt", draft: { ...d, step: "value", field }, notice: "ask_what_again" } : { kind: "prompt", draft: { ...back, text: value.slice(0, 2000) } };
    case "address":
      return { kind: "prompt", draft: { ...back, address: isUnknown(value) ? undefined : value.slice(0, 200) } };
    case "occurredText":
      return { kind: "prompt", draft: { ...back, occurredText: isUnknown(value) ? undefined : value.slice(0, 100) } };
    case "phone": {
      const number = phoneIn(value);
      if (number) return { kind: "prompt", draft: { ...back, consent: true, phone: number, boundPhone: false } };
      if (isNo(value)) return { kind: "prompt", draft: { ...back, consent: false, phone: undefined, boundPhone: false } };
      return { kind: "prompt", draft: { ...d, step: "value", field }, notice: "ask_phone_again" };
    }
  }
}
