import type { IncomingMessage, Reply } from "../chat/types";
import type { Logger } from "../platform/logger";
import type { KeyValueStore } from "../platform/store";
import type { Inbound } from "./normalize";
import { renderReply } from "./render";

export type MessageHandler = (msg: IncomingMessage) => Promise<Reply>;

export interface AnswerDeps {
  store: KeyValueStore;
  /** Adapter-level replies (welcome, unsupported…) come first; undefined → ask the handler. */
  localReply(inbound: Inbound): Reply | undefined;
  handleMessage: MessageHandler;
  /** Polite reply when the handler throws (fail soft: never an HTTP error to WeChat). */
  apology(inbound: Inbound): Reply;
  /** Send a late answer through the customer-service message API (a job). */
  deliverLater(inbound: Inbound, reply: Reply): Promise<void>;
  /** How long a passive reply may take before we answer `success` and deliver later. */
  replyBudgetMs: number;
  /** How often a retry polls for the first attempt's reply. */
  pollMs?: number;
  truncatedSuffix?: string;
  logger: Logger;
  now: () => Date;
}

/**
 * `pending` carries the time (ms) by which its instance must have replied or deferred: a live
 * instance always writes `done` or `deferred` within the reply budget, so a `pending` slot past
 * that lease (plus a margin) belongs to an instance that died mid-answer.
 */
type Slot = { s: "pending"; until?: number } | { s: "done"; xml: string } | { s: "deferred" };

/** Beyond the reply budget, how long a pending slot's owner may take to write its outcome. */
const LEASE_MARGIN_MS = 1500;

/**
 * Kept longer than WeChat's three 5-second retries, and longer than the ±5-minute timestamp
 * window, so a replayed request with a still-fresh timestamp is also answered from here and
 * never handled twice.
 */
const SLOT_TTL_SECONDS = 600;
const SUCCESS = "success";

/**
 * WeChat waits 5 s for a passive reply and retries 3 times, so each message is handled once:
 * the first attempt claims `wechat:reply:<key>` (setIfAbsent, shared by every instance),
 * stores the rendered reply, and retries get that same reply. If the handler is not done
 * within the budget (~4.5 s), we answer `success` and the reply goes out later as a
 * customer-service message; retries then get `success` too. If the instance that claimed a
 * message dies before replying, the first retry after the claim's lease takes the message over
 * (one instance only), so the citizen is still answered.
 */
export function createAnswerer(deps: AnswerDeps) {
  const slotKey = (inbound: Inbound) => `wechat:reply:${inbound.dedupeKey}`;
  const render = (inbound: Inbound, reply: Reply) =>
    renderReply(reply, { openid: inbound.openid, account: inbound.account, now: deps.now() }, deps.truncatedSuffix);

  const produce = async (inbound: Inbound): Promise<Reply> => {
    try {
      return deps.localReply(inbound) ?? (await deps.handleMessage(inbound.message));
    } catch (err) {
      deps.logger.error({ err, dedupeKey: inbound.dedupeKey }, "wechat: handler failed, sending apology");
      return deps.apology(inbound);
    }
  };

  async function answerFirst(inbound: Inbound, key: string): Promise<string> {
    const work = produce(inbound);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((r) => (timer = setTimeout(() => r("late"), deps.replyBudgetMs)));
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    if (first === "late") {
      await deps.store.set(key, JSON.stringify({ s: "deferred" } satisfies Slot), SLOT_TTL_SECONDS);
      void work
        .then((reply) => deps.deliverLater(inbound, reply))
        .catch((err: unknown) => deps.logger.error({ err, dedupeKey: inbound.dedupeKey }, "wechat: late reply not queued"));
      return SUCCESS;
    }
    const xml = render(inbound, first);
    await deps.store.set(key, JSON.stringify({ s: "done", xml } satisfies Slot), SLOT_TTL_SECONDS);
    // transfer_customer_service carries no text; say it through the customer-service API.
    if (first.kind === "transfer" && first.text) {
      await deps.deliverLater(inbound, { kind: "text", text: first.text }).catch((err: unknown) => deps.logger.error({ err }, "wechat: transfer text not queued"));
    }
    return xml;
  }

  /**
   * A retry (or a replay): wait briefly for the first attempt's reply instead of handling again;
   * take the message over when the first attempt's instance is gone (its lease ran out).
   */
  async function awaitFirst(inbound: Inbound, key: string): Promise<string> {
    const until = Date.now() + deps.replyBudgetMs;
    for (;;) {
      const raw = await deps.store.get(key);
      const slot = raw ? (JSON.parse(raw) as Slot) : undefined;
      if (!slot || slot.s === "deferred") return SUCCESS;
      if (slot.s === "done") return slot.xml;
      if (slot.until !== undefined && Date.now() > slot.until && (await deps.store.setIfAbsent(`${key}:takeover`, "1", SLOT_TTL_SECONDS))) {
        deps.logger.warn({ dedupeKey: inbound.dedupeKey }, "wechat: the instance answering this message is gone; answering it here");
        await deps.store.set(key, pending(), SLOT_TTL_SECONDS);
        return answerFirst(inbound, key);
      }
      if (Date.now() >= until) return SUCCESS;
      await new Promise((r) => setTimeout(r, deps.pollMs ?? 50));
    }
  }

  const pending = () => JSON.stringify({ s: "pending", until: Date.now() + deps.replyBudgetMs + LEASE_MARGIN_MS } satisfies Slot);

  return {
    /** The plaintext reply XML (or "success") for this message, handling it at most once. */
    async answer(inbound: Inbound): Promise<string> {
      const key = slotKey(inbound);
      let claimed: boolean;
      try {
        claimed = await deps.store.setIfAbsent(key, pending(), SLOT_TTL_SECONDS);
      } catch (err) {
        // The store is down: answering twice on a retry beats not answering at all.
        deps.logger.error({ err }, "wechat: dedupe store unavailable, answering without dedupe");
        return render(inbound, await produce(inbound));
      }
      return claimed ? answerFirst(inbound, key) : awaitFirst(inbound, key);
    },
  };
}
