import type { KeyValueStore } from "../platform/store";
import type { CatalogPort, QuestionLogPort } from "../search/ports";
import type { SearchIndex } from "../search/search-index";
import type { ChatCommand } from "./commands";
import type { AnswerCache } from "./answer-cache";

/** Everything handleMessage needs, passed explicitly (no globals). */
export interface ChatDeps {
  catalog: CatalogPort;
  search: SearchIndex;
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
  /** Error sink for "fail soft" replies (a logger's error method). */
  onError?: (err: unknown) => void;
}

export const guideLink = (config: ChatDeps["config"], code: string) =>
  `${config.PUBLIC_BASE_URL.replace(/\/$/, "")}/guides/${encodeURIComponent(code)}`;
