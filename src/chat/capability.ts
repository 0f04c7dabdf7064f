import type { Capability } from "../platform/capability";
import type { AppContext } from "../platform/context";
import type { ChatCommand, ChatDeps } from "./deps";
import { handleMessage } from "./handle-message";
import { AnswerCache } from "./answer-cache";
import { registerAskRoute } from "./http/ask-routes";
import type { AskAuth, CatalogPort, QuestionLogPort, SearchPort, WorkdayPort } from "./ports";
import type { IncomingMessage, Reply } from "./types";

export interface ChatCapability extends Capability {
  /** The one entry point every channel calls (after start). */
  handle(msg: IncomingMessage): Promise<Reply>;
  /** Answer cache counters of this instance (benchmarks, diagnostics). */
  answerCacheStats(): { hits: number; misses: number; size: number };
}

/** A port opened at start and closed at stop. */
type Closable<T> = T & { close(): Promise<void> };

export interface ChatCapabilityOptions {
  search: () => SearchPort;
  /** The published catalog as chat reads it (opened at start on web instances). */
  catalog: (ctx: AppContext) => Promise<Closable<CatalogPort>>;
  /** Where unanswered questions are recorded for staff, and every question counted. */
  questionLog: (ctx: AppContext) => Closable<QuestionLogPort>;
  /** Store channels whose messages mean the published answers changed (the answer cache is cleared). */
  catalogChanges: string[];
  /** Plain-word commands of other capabilities ("进度 …", "投诉 …"), built for this instance. */
  commands?: (ctx: AppContext) => ChatCommand[];
  /** Who is asking on /api/v1/ask (a mini-program session); without it every asker is anonymous. */
  askAuth?: (ctx: AppContext) => AskAuth;
  /** The official calendar's working days, for the human-service hours (Monday to Friday without it). */
  workdays?: (ctx: AppContext) => WorkdayPort;
}

/** Question answering over the catalog, as a capability: builds ChatDeps and serves /api/v1/ask. */
export function chatCapability(options: ChatCapabilityOptions): ChatCapability {
  let deps: ChatDeps | undefined;
  let catalog: Closable<CatalogPort> | undefined;
  let answerCache: AnswerCache | undefined;
  let questionLog: Closable<QuestionLogPort> | undefined;
  /** Catalog change events seen by this instance (part of the answer cache's key). */
  let changes = 0;
  const unsubscribers: (() => Promise<void>)[] = [];
  const build = (ctx: AppContext): ChatDeps => {
    if (!catalog) throw new Error("chat used before start");
    return (deps ??= {
      catalog,
      get search() {
        return options.search();
      },
      store: ctx.store,
      questionLog: questionLog!,
      config: { PUBLIC_BASE_URL: ctx.config.PUBLIC_BASE_URL, HOTLINE: ctx.config.HOTLINE, PROVINCE_NAME: ctx.config.PROVINCE_NAME },
      commands: options.commands?.(ctx) ?? [],
      answerCache,
      humanService: { hours: ctx.config.HUMAN_SERVICE_HOURS, isWorkday: options.workdays?.(ctx), now: ctx.now },
      // The index's own generation moves when it has applied a change (after the event, once
      // the item is read back), so an answer computed in between is not replayed afterwards.
      catalogVersion: () => `${changes}:${options.search().generation}`,
      onError: (err) => ctx.logger.error({ err }, "chat answer failed"),
    });
  };
  return {
    name: "chat",
    async start(ctx, role) {
      // Questions are answered by web instances only (the search index is built there).
      if (!role.web) return;
      catalog = await options.catalog(ctx);
      questionLog = options.questionLog(ctx);
      answerCache = new AnswerCache({ maxEntries: ctx.config.CHAT_ANSWER_CACHE });
      const changed = () => {
        changes++;
        answerCache?.clear();
      };
      for (const channel of options.catalogChanges) unsubscribers.push(await ctx.store.subscribe(channel, changed));
      build(ctx);
    },
    async stop() {
      for (const u of unsubscribers.splice(0)) await u().catch(() => {});
      await catalog?.close();
      await questionLog?.close();
    },
    routes(router, ctx) {
      registerAskRoute(router, build(ctx), {
        now: ctx.now,
        auth: options.askAuth?.(ctx),
        limits: { perIpMinute: ctx.config.CHAT_LIMIT_PER_IP_MINUTE, perUserMinute: ctx.config.CHAT_LIMIT_PER_USER_MINUTE },
      });
    },
    answerCacheStats: () => answerCache?.stats() ?? { hits: 0, misses: 0, size: 0 },
    handle(msg) {
      return deps ? handleMessage(deps, msg) : Promise.reject(new Error("chat used before start"));
    },
  };
}
