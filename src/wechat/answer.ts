import type { IncomingMessage, Reply } from "../chat";
import type { Logger } from "../platform/logger";
import type { KeyValueStore } from "../platform/store";
import type { Inbound } from "./normalize";
import { replyRenderer } from "./render";
import { LATE, replyBudget } from "./reply-budget";

export type MessageHandler = (msg: IncomingMessage) => Promise<Reply>;

export interface AnswerDeps {
  store: KeyValueStore;
  /** Adapter-level replies (media it cannot read) come first; undefined → ask the handler. */
  localReply(inbound: Inbound): Reply | undefined;
  handleMessage: MessageHandler;
  /** A polite reply when this sender is over the per-person pace (a script, not a citizen); undefined → go on. */
  pace?(inbound: Inbound): Promise<Reply | undefined>;
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
 * A message's slot in the store: a one-letter state, and for a finished answer the rendered
 * reply after it ("d<xml>…"). Not JSON, so a cached reply is never stringified or parsed again.
 */
type Slot = { s: "pending" } | { s: "done"; xml: string } | { s: "deferred" };
const PENDING = "p";
const DEFERRED = "x";
const DONE = "d";

function readSlot(raw: string | null): Slot | undefined {
  if (!raw) return undefined;
  if (raw === PENDING) return { s: "pending" };
  if (raw === DEFERRED) return { s: "deferred" };
  if (raw.startsWith(DONE)) return { s: "done", xml: raw.slice(1) };
  // JSON, as builds before this format wrote it: read, so their slots are still honoured.
  // The other way does not work (those builds cannot read this format), so a change of the
  // encoding must be rolled out in two releases: readers first, writers after.
  if (raw.startsWith("{")) {
    try {
      return JSON.parse(raw) as Slot;
    } catch {
      /* unreadable: treated as a pending claim */
    }
  }
  return { s: "pending" };
}

/**
 * A `pending` claim lives only as long as its instance may take to reply or defer (the reply
 * budget) plus a margin; its store TTL is the lease, so the store's clock decides, not the
 * instances'. A claim that expires belongs to an instance that died mid-answer.
 */
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
 * message dies before replying, its claim expires and the next retry claims the message (one
 * instance only), so the citizen is still answered.
 */
export function createAnswerer(deps: AnswerDeps) {
  const slotKey = (inbound: Inbound) => `wechat:reply:${inbound.dedupeKey}`;
  const renderer = replyRenderer(deps.truncatedSuffix);
  const render = (inbound: Inbound, reply: Reply) => renderer(reply, { openid: inbound.openid, account: inbound.account, now: deps.now() });

  const produce = async (inbound: Inbound): Promise<Reply> => {
    try {
      return deps.localReply(inbound) ?? (await deps.pace?.(inbound)) ?? (await deps.handleMessage(inbound.message));
    } catch (err) {
      deps.logger.error({ err, dedupeKey: inbound.dedupeKey }, "wechat: handler failed, sending apology");
      return deps.apology(inbound);
    }
  };

  const budget = replyBudget(deps.replyBudgetMs);

  async function answerFirst(inbound: Inbound, key: string): Promise<string> {
    const work = produce(inbound);
    const first = await budget.within(work);
    if (first === LATE) {
      await deps.store.set(key, DEFERRED, SLOT_TTL_SECONDS);
      void work
        .then((reply) => deps.deliverLater(inbound, reply))
        .catch((err: unknown) => deps.logger.error({ err, dedupeKey: inbound.dedupeKey }, "wechat: late reply not queued"));
      return SUCCESS;
    }
    const xml = render(inbound, first);
    await deps.store.set(key, DONE + xml, SLOT_TTL_SECONDS);
    // transfer_customer_service carries no text; say it through the customer-service API.
    if (first.kind === "transfer" && first.text) {
      await deps.deliverLater(inbound, { kind: "text", text: first.text }).catch((err: unknown) => deps.logger.error({ err }, "wechat: transfer text not queued"));
    }
    return xml;
  }

  /**
   * A retry (or a replay): wait briefly for the first attempt's reply instead of handling again;
   * when the first attempt's claim has expired (its instance is gone), claim the message anew.
   */
  async function awaitFirst(inbound: Inbound, key: string): Promise<string> {
    const until = Date.now() + deps.replyBudgetMs;
    for (;;) {
      const slot = readSlot(await deps.store.get(key));
      if (!slot && (await claim(key))) {
        deps.logger.warn({ dedupeKey: inbound.dedupeKey }, "wechat: the instance answering this message is gone; answering it here");
        return answerFirst(inbound, key);
      }
      if (slot?.s === "deferred") return SUCCESS;
      if (slot?.s === "done") return slot.xml;
      if (Date.now() >= until) return SUCCESS;
      await new Promise((r) => setTimeout(r, deps.pollMs ?? 50));
    }
  }

  const leaseSeconds = Math.ceil((deps.replyBudgetMs + LEASE_MARGIN_MS) / 1000);
  const claim = (key: string) => deps.store.setIfAbsent(key, PENDING, leaseSeconds);

  return {
    /** The plaintext reply XML (or "success") for this message, handling it at most once. */
    async answer(inbound: Inbound): Promise<string> {
      const key = slotKey(inbound);
      let claimed: boolean;
      try {
        claimed = await claim(key);
      } catch (err) {
        // The store is down: answering twice on a retry beats not answering at all.
        deps.logger.error({ err }, "wechat: dedupe store unavailable, answering without dedupe");
        return render(inbound, await produce(inbound));
      }
      return claimed ? answerFirst(inbound, key) : awaitFirst(inbound, key);
    },
  };
}
