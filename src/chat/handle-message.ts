import { foldVariants, isTibetan } from "../search";
import type { IncomingMessage, Reply } from "./types";
import type { ChatDeps } from "./deps";
import { builtinCommands } from "./commands";
import { answer } from "./answer";
import { answered, type Answered } from "./answer-cache";
import { t, type Lang } from "./render";
import { loadSession, saveSession, type LoadedSession, type Session } from "./session";
import { understand } from "./understand";
import { expiredDialog, openDialog, traceDialog, withNotice } from "./dialog-trace";
import { eventReply, type EventMessage } from "./events";

/**
 * The one entry point for every channel (WeChat, mini-program, /api/v1/ask), as a straight
 * line: session → commands → understand → answer → save session. Channel events (menu taps,
 * following, QR scenes, locations) mean what src/chat/events.ts says; a menu tap runs the
 * command a citizen could type. Fails soft: an error becomes a polite reply, never an
 * exception to the channel (WeChat would retry).
 */
export async function handleMessage(deps: ChatDeps, incoming: IncomingMessage): Promise<Reply> {
  const lang: Lang = incoming.kind === "text" && isTibetan(incoming.text) ? "bo" : (incoming.lang ?? "zh");
  try {
    if (incoming.kind === "text") return await handleText(deps, incoming, foldVariants(incoming.text.normalize("NFKC").trim()), lang);
    if (incoming.kind === "unsupported") return { kind: "text", text: t(lang, "unsupported") };
    return await eventReply(deps, incoming, (text, typedLang, loaded) =>
      handleText(deps, asTyped(incoming, text, typedLang), text, typedLang, loaded),
    );
  } catch (err) {
    deps.onError?.(err);
    return { kind: "text", text: t(lang, "error", { hotline: deps.config.HOTLINE }) };
  }
}

/** An event's sender, writing `text`: what commands see when a menu tap stands for typing. */
function asTyped(m: EventMessage, text: string, lang: Lang): IncomingMessage & { kind: "text" } {
  const typed: IncomingMessage & { kind: "text" } = { kind: "text", text, channel: m.channel, userId: m.userId, lang, receivedAt: m.receivedAt };
  if (m.verified) typed.verified = true;
  return typed;
}

/** A typed message: a command when one matches, else a question. `preloaded` when the caller has the session. */
async function handleText(deps: ChatDeps, incoming: IncomingMessage & { kind: "text" }, text: string, lang: Lang, preloaded?: LoadedSession): Promise<Reply> {
  const loaded = preloaded ?? (await loadSession(deps.store, incoming.channel, incoming.userId));
  // A dialogue that expired with the last session is named before this message is handled.
  const expired = incoming.verified && loaded.json === "{}" ? await expiredDialog(deps.store, incoming.channel, incoming.userId, deps.commands ?? []) : undefined;
  const notice = (r: Reply) => (expired?.dialog ? withNotice(expired.dialog.timedOut(lang), r) : r);
  const seen = loaded.session;
  const command = builtinCommands.find((c) => c.match(text, seen)) ?? deps.commands?.find((c) => c.match(text, seen));
  if (command) {
    // A caller-chosen id is not a person: ticket numbers are sequential, so without this
    // anyone could read and rate another citizen's complaint (issue 16, defect 11).
    if (command.personal && !incoming.verified) return { kind: "text", text: t(lang, "identity_required", { hotline: deps.config.HOTLINE }) };
    const session: Session = { ...loaded.copy(), lang };
    const ask = (q: string) => askInDialogue(deps, q, lang, session);
    const reply = await command.handle({ deps, incoming, text, lang, session, update: (p) => Object.assign(session, p), ask });
    await saveSession(deps.store, incoming.channel, incoming.userId, session);
    if (command.dialog) await traceDialog(deps.store, incoming.channel, incoming.userId, openDialog([command], seen), openDialog([command], session));
    return notice(reply);
  }
  const answered = await answerQuestion(deps, text, lang, loaded);
  await saveSession(deps.store, incoming.channel, incoming.userId, answered.sessionJson);
  return notice(answered.reply);
}

/** A question inside a command's dialogue: answered with (and noted in) the command's session. */
async function askInDialogue(deps: ChatDeps, question: string, lang: Lang, session: Session): Promise<Reply> {
  const text = foldVariants(question.normalize("NFKC").trim());
  return answer(deps, await understand(deps, text, session), text, lang, session);
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
