import type { AppContext } from "../platform/context";
import { defineJob, failedJobTable, type JobContext, type JobDefinition } from "../platform/queue";
import { isPermanentWechatError } from "./api-error";
import type { TemplateMessage, WechatClient } from "./client";
import { truncateUtf8 } from "./render";

export const CUSTOMER_MESSAGE_JOB = "wechat.customer-message";
export const TEMPLATE_MESSAGE_JOB = "wechat.template-message";

export interface CustomerMessagePayload {
  openid: string;
  text: string;
}

export type TemplateMessagePayload = TemplateMessage;

/**
 * Transient failures (network, 5xx, rate limits) throw, so the queue retries with exponential
 * backoff and records the job in failed_job once attempts run out. Permanent ones — 45015
 * outside the 48-hour window, 43004 unsubscribed, 40003 bad openid, … (api-error.ts) — would
 * fail the same way on every retry: they are recorded in failed_job at once and not retried.
 */
function sendOnce<P>(name: string, ctx: AppContext, send: (p: P) => Promise<unknown>) {
  return async (payload: P, job: JobContext): Promise<void> => {
    try {
      await send(payload);
    } catch (e) {
      if (!isPermanentWechatError(e)) throw e;
      ctx.logger.warn({ job: name, errcode: e.errcode, jobId: job.jobId }, "wechat: permanent error, recorded without retry");
      await failedJobTable(ctx.db.prisma)({ queue: "wechat", name, payload, error: e.message, attempts: job.attempt });
    }
  };
}

export function wechatJobs(ctx: AppContext, client: () => WechatClient): JobDefinition<never>[] {
  const customer = defineJob<CustomerMessagePayload>({
    name: CUSTOMER_MESSAGE_JOB,
    // A late answer is worth little after a minute or two: few, quick attempts.
    defaults: { attempts: 4, backoffMs: 2000 },
    handler: sendOnce(CUSTOMER_MESSAGE_JOB, ctx, (p: CustomerMessagePayload) => client().sendText(p.openid, truncateUtf8(p.text))),
  });
  const template = defineJob<TemplateMessagePayload>({
    name: TEMPLATE_MESSAGE_JOB,
    defaults: { attempts: 6, backoffMs: 5000 },
    handler: sendOnce(TEMPLATE_MESSAGE_JOB, ctx, (p: TemplateMessagePayload) => client().sendTemplate(p)),
  });
  return [customer, template] as unknown as JobDefinition<never>[];
}
