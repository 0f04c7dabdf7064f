import type { IncomingMessage, Reply } from "./types";
import type { ChatDeps } from "./deps";
import type { DeepReadonly } from "../platform/frozen";
import type { Session } from "./session";
import type { Lang } from "./render";
import { t } from "./render";

export interface CommandContext {
  deps: ChatDeps;
  incoming: IncomingMessage & { kind: "text" };
  /** The message text, trimmed and NFKC-normalised. */
  text: string;
  lang: Lang;
  session: Session;
  /** Persist changes to the session (it is saved after the command returns). */
  update(patch: Partial<Session>): void;
}

/**
 * A plain-word command ("人工", "进度 QH2024…", "投诉 …"). Other capabilities add theirs to
 * `ChatDeps.commands`; the first whose `match` returns true handles the message and the
 * question-answering path is skipped.
 */
export interface ChatCommand {
  name: string;
  /** `session` is read-only here (shared between conversations in the same state); change it in `handle`. */
  match(text: string, session: DeepReadonly<Session>): boolean;
  /**
   * Reads or acts on a person's own records (tickets, ratings, filing as someone, application
   * progress): handled only for a verified sender (`IncomingMessage.verified`); anyone else
   * gets the `identity_required` reply, so `handle` may take `incoming.userId` as the person.
   */
  personal?: boolean;
  handle(ctx: CommandContext): Promise<Reply>;
}

/** "人工" → hand over to human customer service (WeChat transfer_customer_service). */
export const transferCommand: ChatCommand = {
  name: "transfer",
  match: (text) => /^(转)?人工(客服|服务)?$/.test(text) || /^(找|要)人工/.test(text),
  handle: async ({ lang }) => ({ kind: "transfer", text: t(lang, "transfer") }),
};

/** The built-ins, before the registered ones. Picking "2" from a list is handled in understand. */
export const builtinCommands: ChatCommand[] = [transferCommand];
