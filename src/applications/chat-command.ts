import type { ChatCommand, Session } from "../chat";
import type { DeepReadonly } from "../platform/frozen";
import { t } from "../platform/templates";
import { presentApplication } from "./presenters";
import { looksLikeApplicationNumber } from "./application-number";
import { viewerOfChat } from "./applicant-access";
import type { ApplicationsDeps } from "./deps";
import { lookupProgress } from "./lookup-progress";
import { progressText } from "./progress-text";

/** A lookup waiting for the citizen's next message, kept in the chat session. */
interface PendingLookup {
  step: "number" | "last4";
  number?: string;
  /** ms since epoch; a stale pending lookup no longer captures messages. */
  expiresAt: number;
}
type WithLookup = Session & { applicationLookup?: PendingLookup };

const PENDING_MS = 10 * 60_000;
/** "进度 QH…", "查进度", "查询进度", "办件进度" (the number optional). */
const COMMAND = /^(?:查询?|查看)?(?:办件)?进度(?:查询)?[\s:：]*(.*)$/i;
const LAST4 = /^\d{3}[\dXx]$/;
const CANCEL = /^(取消|算了|不查了)$/;

function pending(session: DeepReadonly<Session>, now: number): PendingLookup | undefined {
  const p = (session as DeepReadonly<WithLookup>).applicationLookup;
  return p && p.expiresAt > now ? p : undefined;
}

/**
 * The "进度 <编号>" / "查进度" chat command. Registered through ChatDeps.commands by the
 * integrator: `commands: [applicationProgressCommand(deps)]`.
 */
export function applicationProgressCommand(deps: ApplicationsDeps): ChatCommand {
  const now = () => deps.app.now().getTime();
  return {
    name: "application-progress",
    // An application's progress is the applicant's: chat answers only a verified sender.
    personal: true,
    match(text, session) {
      const m = COMMAND.exec(text);
      // "进度 QH123" with a mistyped number is still a progress query (answered "check the
      // number"), not a question for the catalog.
      if (m && (m[1] === "" || looksLikeApplicationNumber(m[1]!) || /^[A-Za-z0-9-]{4,40}$/.test(m[1]!))) return true;
      const p = pending(session, now());
      if (!p) return false;
      return CANCEL.test(text) || (p.step === "number" ? looksLikeApplicationNumber(text) : LAST4.test(text));
    },
    async handle({ text, lang, session, incoming, update }) {
      const say = (id: string, vars?: Record<string, string | number>) => ({ kind: "text" as const, text: t("applications", lang, `chat.${id}`, vars) });
      const setPending = (p: PendingLookup | undefined) => update({ applicationLookup: p } as Partial<Session>);
      const p = pending(session, now());
      if (p && CANCEL.test(text)) return (setPending(undefined), say("cancelled"));

      const m = COMMAND.exec(text);
      const number = m ? m[1]! : p?.step === "number" ? text : p?.number;
      if (!number) return (setPending({ step: "number", expiresAt: now() + PENDING_MS }), say("ask_number"));
      const last4 = !m && p?.step === "last4" ? text : undefined;

      const viewer = await viewerOfChat(deps.app, incoming.channel, incoming.userId);
      const result = await lookupProgress(deps, { viewer, who: `${incoming.channel}:${incoming.userId}`, number, last4 });
      switch (result.kind) {
        case "found":
          setPending(undefined);
          return { kind: "text", text: progressText(presentApplication(deps.app, result.state, { audience: "applicant" }), lang) };
        case "need_last4":
          setPending({ step: "last4", number: result.number, expiresAt: now() + PENDING_MS });
          return say("ask_last4");
        case "invalid_number":
          setPending({ step: "number", expiresAt: now() + PENDING_MS });
          return say("invalid_number");
        case "mismatch":
          setPending(undefined);
          return say("mismatch");
        case "locked":
          setPending(undefined);
          return say("locked", { minutes: result.retryMinutes, hotline: deps.app.config.HOTLINE });
      }
    },
  };
}
