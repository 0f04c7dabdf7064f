import { foldVariants, isTibetan } from "../search";
import type { IncomingMessage, Reply } from "./types";
import type { ChatDeps } from "./deps";
import { builtinCommands } from "./commands";
import { answer } from "./answer";
import { answered, type Answered } from "./answer-cache";
import { t, type Lang } from "./render";
import { loadSession, saveSession, type LoadedSession, type Session } from "./session";
import { understand } from "./understand";

/**
 * The one entry point for every channel (WeChat, mini-program, /api/v1/ask), as a straight
 * line: session → commands → understand → answer → save session. Fails soft: an error
 * becomes a polite reply, never an exception to the channel (WeChat would retry).
 */
export async function handleMessage(deps: ChatDeps, incoming: IncomingMessage): Promise<Reply> {
  const lang: Lang = incoming.kind === "text" && isTibetan(incoming.text) ? "bo" : (incoming.lang ?? "zh");
  try {
    // Channel events (following, menu taps) are answered by their channel's adapter, which
    // knows its menu (wechat/local-reply.ts); nothing of them reaches the dialog yet.
    if (incoming.kind === "event") return { kind: "none" };
    if (incoming.kind === "unsupported") return { kind: "text", text: t(lang, "unsupported") };

    const text = foldVariants(incoming.text.normalize("NFKC").trim());
    const loaded = await loadSession(deps.store, incoming.channel, incoming.userId);
    const seen = loaded.session;
    const command = builtinCommands.find((c) => c.match(text, seen)) ?? deps.commands?.find((c) => c.match(text, seen));
    if (command) {
      // A caller-chosen id is not a person: ticket numbers are sequential, so without this
      // anyone could read and rate another citizen's complaint (issue 16, defect 11).
      if (command.personal && !incoming.verified) return { kind: "text", text: t(lang, "identity_required", { hotline: deps.config.HOTLINE }) };
      const session: Session = { ...loaded.copy(), lang };
      const reply = await command.handle({ deps, incoming, text, lang, session, update: (p) => Object.assign(session, p) });
      await saveSession(deps.store, incoming.channel, incoming.userId, session);
      return reply;
    }
    const answered = await answerQuestion(deps, text, lang, loaded);
    await saveSession(deps.store, incoming.channel, incoming.userId, answered.sessionJson);
    return answered.reply;
  } catch (err) {
    deps.onError?.(err);
    return { kind: "text", text: t(lang, "error", { hotline: deps.config.HOTLINE }) };
  }
}

/**
 * Understand and answer a question, or replay the answer to the same question in the same
 * conversation state. The state is the session's text as loaded with the language, which is
 * part of the cache key; only a computed answer needs a session object of its own.
 */
function answerQuestion(deps: ChatDeps, text: string, lang: Lang, loaded: LoadedSession): Promise<Answered> {
  // Counted here, once per question, whether computed or replayed from the answer cache.
  deps.questionLog.asked?.();
  const compute = async (questionLog: ChatDeps["questionLog"]) => {
    const d = { ...deps, questionLog };
    const session: Session = { ...loaded.copy(), lang };
    const reply = await answer(d, await understand(d, text, session), text, lang, session);
    return { reply, session };
  };
  if (!deps.answerCache) return compute(deps.questionLog).then(answered);
  return deps.answerCache.answer({ lang, question: text, sessionJson: loaded.json, version: deps.catalogVersion?.() ?? "" }, deps.questionLog, compute);
}
