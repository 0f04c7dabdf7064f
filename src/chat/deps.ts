import type { KeyValueStore } from "../platform/store";
import type { DeepReadonly } from "../platform/frozen";
import type { CatalogPort, QuestionLogPort, SearchPort, WorkdayPort } from "./ports";
import type { AnswerCache } from "./answer-cache";
import type { IncomingMessage, Reply } from "./types";
import type { Session } from "./session";
import type { Lang } from "./render";

/** Everything handleMessage needs, passed explicitly (no globals). */
export interface ChatDeps {
  catalog: CatalogPort;
  search: SearchPort;
  /** Conversation context (Redis when configured). */
  store: KeyValueStore;
  questionLog: QuestionLogPort;
  config: { PUBLIC_BASE_URL: string; HOTLINE: string; PROVINCE_NAME?: string };
  /** Plain-word commands of other capabilities ("进度 …", "投诉 …"), tried after the built-ins. */
  commands?: ChatCommand[];
  /** Recent answers of this instance, replayed for repeated questions (off when absent). */
  answerCache?: AnswerCache;
  /** Changes whenever the published catalog or the search index does (keys the answer cache). */
  catalogVersion?: () => string;
  /**
   * When "人工" reaches a person (config HUMAN_SERVICE_HOURS: "HH:MM-HH:MM" on working days,
   * "always" or "off"). Without it the Official Account always transfers (src/chat/human-service.ts).
   */
  humanService?: { hours: string; isWorkday?: WorkdayPort; now?: () => Date };
  /** Error sink for "fail soft" replies (a logger's error method). */
  onError?: (err: unknown) => void;
}

export interface CommandContext {
  deps: ChatDeps;
  incoming: IncomingMessage & { kind: "text" };
  /** The message text, trimmed and NFKC-normalised. */
  text: string;
  lang: Lang;
  session: Session;
  /** Persist changes to the session (it is saved after the command returns). */
  update(patch: Partial<Session>): void;
  /**
   * Answers a question typed in the middle of a dialogue ("驾照丢了咋补" at the address step)
   * through the question-answering path, with this conversation's context.
   */
  ask?(question: string): Promise<Reply>;
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
  /**
   * A dialogue kept in the session under `sessionKey` (a complaint being written). When the
   * session expires with it open, the citizen's next message is told so (`timedOut`) before
   * it is handled: a dialogue never disappears in silence (chat/dialog-trace.ts).
   */
  dialog?: { sessionKey: string; timedOut(lang: Lang): string };
  handle(ctx: CommandContext): Promise<Reply>;
}

export const guideLink = (config: ChatDeps["config"], code: string, lang: Lang = "zh") =>
  `${config.PUBLIC_BASE_URL.replace(/\/$/, "")}/guides/${encodeURIComponent(code)}${lang === "zh" ? "" : `?lang=${lang}`}`;
