import type { Capability } from "../platform/capability";
import type { AppContext } from "../platform/context";
import type { ItemSearch } from "../catalog";
import { SearchIndex } from "./search-index";
import type { IndexChanges, IndexSource } from "./ports";
import { registerSearchRoutes } from "./http/public-routes";

export interface SearchCapability extends Capability {
  /** The live index (after start). */
  index(): SearchIndex;
  /** Full-text search for the catalog listing (`GET /api/v1/items?q=`). */
  itemSearch: ItemSearch;
}

/**
 * The in-memory search index of every web instance: rebuilt from the database at start, then
 * kept current by the catalog's `catalog.changed` / `catalog.synonyms.changed` events over the
 * store's pub/sub (Redis when configured), so a published edit changes answers on every
 * instance within seconds, without a restart.
 */
export interface SearchCapabilityOptions {
  /** What the index is built from (the catalog's database port), opened at start. */
  source: (ctx: AppContext) => IndexSource;
  /** Where the source announces its changes. */
  changes: IndexChanges;
}

export function searchCapability(options: SearchCapabilityOptions): SearchCapability {
  let index: SearchIndex | undefined;
  const unsubscribers: (() => Promise<void>)[] = [];
  const live = () => {
    if (!index) throw new Error("search index used before start");
    return index;
  };
  return {
    name: "search",
    index: live,
    itemSearch: async (q, { limit }) => live().search(q, { limit }).hits.map((h) => h.code),
    async start(ctx, role) {
      if (!role.web) return;
      const port = options.source(ctx);
      // Listen before reading the catalog, so that a change committed while the index is being
      // built is applied once it is, instead of falling between the read and the subscription.
      let heardDuringBuild: string[] | undefined = [];
      const onChanged = (message: string) => {
        void refreshItem(ctx, port, message).catch((err: unknown) => ctx.logger.error({ err }, "search index update failed"));
      };
      const onSynonyms = () => {
        void port
          .listSynonyms()
          .then((s) => live().setSynonyms(s))
          .catch((err: unknown) => ctx.logger.error({ err }, "synonym reload failed"));
      };
      unsubscribers.push(
        await ctx.store.subscribe(options.changes.item, (message) => (heardDuringBuild ? void heardDuringBuild.push(message) : onChanged(message))),
        await ctx.store.subscribe(options.changes.synonyms, () => (heardDuringBuild ? void heardDuringBuild.push("") : onSynonyms())),
      );
      index = await buildIndex(ctx, port);
      const heard = heardDuringBuild;
      heardDuringBuild = undefined;
      if (heard.includes("")) live().setSynonyms(await port.listSynonyms());
      for (const message of new Set(heard.filter(Boolean))) {
        await refreshItem(ctx, port, message).catch((err: unknown) => ctx.logger.error({ err }, "search index update failed"));
      }
    },
    routes(router) {
      registerSearchRoutes(router, live());
    },
    async stop() {
      for (const u of unsubscribers.splice(0)) await u().catch(() => {});
    },
  };

  async function refreshItem(ctx: AppContext, port: IndexSource, message: string): Promise<void> {
    const { code } = JSON.parse(message) as { code?: string };
    if (!code) return;
    const item = await port.getSearchItem(code);
    if (item) live().upsert(item);
    else live().remove(code);
    ctx.logger.debug({ code, removed: !item }, "search index updated");
  }
}

async function buildIndex(ctx: AppContext, port: IndexSource): Promise<SearchIndex> {
  const started = Date.now();
  const index = new SearchIndex();
  index.setSynonyms(await port.listSynonyms());
  const items = await port.listSearchItems();
  index.rebuild(items);
  // Before this instance reports ready, so its first questions do not meet a cold query path.
  const warmUpMs = Math.round(index.warmUp(ctx.config.SEARCH_WARMUP_QUERIES));
  ctx.logger.info({ items: items.length, ms: Date.now() - started, warmUpMs }, "search index built");
  return index;
}
