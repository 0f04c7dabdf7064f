import type { Reply } from "../chat";
import type { JobQueue } from "../platform/queue";
import type { Inbound } from "./normalize";
import { CUSTOMER_MESSAGE_JOB, type CustomerMessagePayload } from "./jobs";
import { replyText } from "./render";
import { wechatText } from "./texts";

/**
 * A reply that missed the passive-reply budget goes out as a customer-service message job; the
 * job id is the message's dedupe key, so a retried message never sends its answer twice.
 */
export function createLateDelivery(o: { queue: JobQueue }): (inbound: Inbound, reply: Reply) => Promise<void> {
  return async (inbound, reply) => {
    const text = reply.kind === "transfer" ? (reply.text ?? wechatText("transfer_late")) : replyText(reply);
    if (!text) return;
    await o.queue.enqueue<CustomerMessagePayload>(CUSTOMER_MESSAGE_JOB, { openid: inbound.openid, text }, { jobId: `wechat-cs:${inbound.dedupeKey}` });
  };
}
