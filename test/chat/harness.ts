import { MemoryStore } from "../../src/platform/store";
import { FileCatalog } from "../../src/search/file-catalog";
import { SearchIndex } from "../../src/search/search-index";
import { handleMessage } from "../../src/chat/handle-message";
import { MemoryQuestionLog } from "../../src/chat/question-log";
import type { ChatDeps } from "../../src/chat/deps";
import type { Reply } from "../../src/chat/types";
import { guideToSearchItem } from "../../src/catalog";

const root = new URL("../../", import.meta.url).pathname;

/** The Guang'an sample list (catalog-only items), for tests of catalog-only answers. */
export const SAMPLE_CATALOG = `${root}guides/samples/service-catalog-guangan.jsonl`;

/**
 * Channel-free chat harness: the real handleMessage over the shipped guides plus a
 * province-scale catalog list (by default the Guang'an sample, standing in for the list a
 * province imports; the answers' quality was tuned at that scale — see scripts/eval-qa.ts).
 */
export async function chatHarness(extra: Partial<ChatDeps> = {}, catalogFiles: string[] = [SAMPLE_CATALOG]) {
  const catalog = FileCatalog.load({ guidesDir: `${root}guides`, catalogFiles });
  const search = new SearchIndex();
  search.rebuild(await catalog.listSearchItems());
  const questionLog = new MemoryQuestionLog();
  const deps: ChatDeps = {
    catalog, search, store: new MemoryStore(), questionLog,
    config: { PUBLIC_BASE_URL: "https://zw.example.cn", HOTLINE: "12345" },
    ...extra,
  };
  let n = 0;
  const user = () => {
    const userId = `u${++n}`;
    return async (text: string, lang?: "zh" | "bo"): Promise<Reply & { kind: "text" }> => {
      const r = await handleMessage(deps, { kind: "text", channel: "wechat", userId, text, lang, receivedAt: new Date() });
      if (r.kind !== "text") throw new Error(`expected a text reply, got ${r.kind}`);
      return r;
    };
  };
  return { deps, catalog, search, questionLog, user };
}

/** The chat harness with a fresh evaluation set's guides (a folder under the repository) published beside the shipped ones. */
export async function harnessWith(guidesDir: string): Promise<Awaited<ReturnType<typeof chatHarness>>> {
  const extra = FileCatalog.load({ guidesDir: `${root}${guidesDir}`, strict: true });
  const h = await chatHarness();
  for (const code of extra.guideCodes()) {
    const g = (await extra.getGuide(code))!;
    h.catalog.publish(g);
    h.search.upsert(guideToSearchItem(g, g.department));
  }
  return h;
}
