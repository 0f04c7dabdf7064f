import type { KeyValueStore } from "../platform/store";

/**
 * Every instance's search index listens on this channel: publishing a guide or changing an
 * item sends `{ code }`, so answers change within seconds on all instances (issue 3/4).
 */
export const CATALOG_CHANGED = "catalog.changed";
/** Staff changed the synonym table; search reloads it. */
export const SYNONYMS_CHANGED = "catalog.synonyms.changed";

export async function announceChanged(store: KeyValueStore | undefined, codes: Iterable<string>): Promise<void> {
  if (!store) return;
  for (const code of codes) await store.publish(CATALOG_CHANGED, JSON.stringify({ code }));
}
