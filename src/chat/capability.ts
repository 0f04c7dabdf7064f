import type { Capability } from "../platform/capability";
import type { AppContext } from "../platform/context";
import { backgroundQuestionLog, cachedCatalogPort, createCatalogPort, createQuestionLog, type CachedCatalogPort } from "../catalog";
import type { SearchIndex } from "../search/search-index";
import type { ChatCommand } from "./commands";
import type { ChatDeps } from "./deps";
import { handleMessage } from "./handle-message";
import { registerAskRoute } from "./routes";
import type { IncomingMessage, Reply } from "./types";

export interface ChatCapability extends Capability {
  /** The one entry point every channel calls (after start). */
  handle(msg: IncomingMessage): Promise<Reply>;
}

export interface ChatCapabilityOptions {
  search: () => SearchIndex;
  /** Plain-word commands of other capabilities ("进度 …", "投诉 …"), built for this instance. */
  commands?: (ctx: AppContext) => ChatCommand[];
}

/** Question answering over the catalog, as a capability: builds ChatDeps and serves /api/v1/ask. */
export function chatCapability(options: ChatCapabilityOptions): ChatCapability {
  let deps: ChatDeps | undefined;
  let catalog: CachedCatalogPort | undefined;
  const build = (ctx: AppContext): ChatDeps => {
    if (!catalog) throw new Error("chat used before start");
    return (deps ??= {
      catalog,
      get search() {
        return options.search();
      },
      store: ctx.store,
      questionLog: backgroundQuestionLog(createQuestionLog(ctx.db.prisma, ctx.now), (err) => ctx.logger.warn({ err }, "question log failed")),
      config: { PUBLIC_BASE_URL: ctx.config.PUBLIC_BASE_URL, HOTLINE: ctx.config.HOTLINE, PROVINCE_NAME: ctx.config.PROVINCE_NAME },
      commands: options.commands?.(ctx) ?? [],
      onError: (err) => ctx.logger.error({ err }, "chat answer failed"),
    });
  };
  return {
    name: "chat",
    async start(ctx) {
      catalog = await cachedCatalogPort(createCatalogPort(ctx.db.prisma), ctx.store);
      build(ctx);
    },
    async stop() {
      await catalog?.close();
    },
    routes(router, ctx) {
      registerAskRoute(router, build(ctx), ctx.now);
    },
    async handle(msg) {
      if (!deps) throw new Error("chat used before start");
      return handleMessage(deps, msg);
    },
  };
}
