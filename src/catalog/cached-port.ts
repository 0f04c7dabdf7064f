import type { KeyValueStore } from "../platform/store";
import type { PublishedCatalog, PublishedGuide } from "./published";
import { CATALOG_CHANGED } from "./events";

export interface CachedCatalogPort extends PublishedCatalog {
  /** Stop listening for changes. */
  close(): Promise<void>;
}

/**
 * Published guides change a few times a day and are read on every chat answer, so each
 * instance keeps them in memory: a guide is loaded once, then served from the cache until the
 * catalog announces a change of that item (`catalog.changed`, over Redis pub/sub when
 * configured — the same signal that updates the search index). A TTL bounds staleness should
 * a change message ever be missed.
 */
export async function cachedCatalogPort(port: PublishedCatalog, store: KeyValueStore, ttlMs = 5 * 60_000): Promise<CachedCatalogPort> {
  const cache = new Map<string, { guide: PublishedGuide | null; at: number }>();
  /** Change events seen: a read that a change overtook must not be kept. */
  let changes = 0;
  const unsubscribe = await store.subscribe(CATALOG_CHANGED, (message) => {
    changes++;
    try {
      const { code } = JSON.parse(message) as { code?: string };
      if (code) cache.delete(code);
      else cache.clear();
    } catch {
      cache.clear();
    }
  });
  return {
    async getGuide(code) {
      const hit = cache.get(code);
      if (hit && Date.now() - hit.at < ttlMs) return hit.guide;
      const seen = changes;
      const guide = await port.getGuide(code);
      // A publication announced while this read ran may not be in it: serve it, don't keep it.
      if (seen === changes) cache.set(code, { guide, at: Date.now() });
      return guide;
    },
    listSearchItems: () => port.listSearchItems(),
    getSearchItem: port.getSearchItem ? (code) => port.getSearchItem!(code) : undefined,
    close: unsubscribe,
  };
}
