import { isTibetan } from "../search/tokenizer";
import type { IncomingMessage, Reply } from "./types";
import type { ChatDeps } from "./deps";
import { builtinCommands } from "./commands";
import { answer } from "./answer";
import { t, type Lang } from "./render";
import { loadSession, saveSession, type Session } from "./session";
import { understand } from "./understand";
import { foldVariants } from "../search/fold";

/**
 * The one entry point for every channel (WeChat, mini-program, /api/v1/ask), as a straight
 * line: session → commands → understand → answer → save session. Fails soft: an error
 * becomes a polite reply, never an exception to the channel (WeChat would retry).
 */
export async function handleMessage(deps: ChatDeps, incoming: IncomingMessage): Promise<Reply> {
  const lang: Lang = incoming.kind === "text" && isTibetan(incoming.text) ? "bo" : (incoming.lang ?? "zh");
  try {
    if (incoming.kind === "event") {
      if (incoming.event === "subscribe") return { kind: "text", text: t(lang, "welcome", { province: deps.config.PROVINCE_NAME ?? "青海省" }) };
      return { kind: "none" };
    }
    if (incoming.kind === "unsupported") return { kind: "text", text: t(lang, "unsupported") };

    const text = foldVariants(incoming.text.normalize("NFKC").trim());
    let session: Session = await loadSession(deps.store, incoming.channel, incoming.userId);
    session.lang = lang;

    const commands = [...builtinCommands, ...(deps.commands ?? [])];
    const command = commands.find((c) => c.match(text, session));
    let reply: Reply;
    if (command) {
      reply = await command.handle({ deps, incoming, text, lang, session, update: (p) => Object.assign(session, p) });
    } else {
      ({ reply, session } = await answerQuestion(deps, text, lang, session));
    }
    await saveSession(deps.store, incoming.channel, incoming.userId, session);
    return reply;
  } catch (err) {
    deps.onError?.(err);
    return { kind: "text", text: t(lang, "error", { hotline: deps.config.HOTLINE }) };
  }
}

/** Understand and answer a question, or replay the answer to the same question in the same conversation state. */
function answerQuestion(deps: ChatDeps, text: string, lang: Lang, session: Session): Promise<{ reply: Reply; session: Session }> {
  const compute = async (questionLog: ChatDeps["questionLog"]) => {
    const d = { ...deps, questionLog };
    const reply = await answer(d, await understand(d, text, session), text, lang, session);
    return { reply, session };
  };
  if (!deps.answerCache) return compute(deps.questionLog);
  return deps.answerCache.answer({ lang, question: text, session, version: deps.catalogVersion?.() ?? "" }, deps.questionLog, compute);
}
