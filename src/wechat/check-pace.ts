import type { Reply } from "../chat";
import { checkRateLimit, userBucket } from "../http/rate-limit";
import { isAppError } from "../platform/errors";
import type { KeyValueStore } from "../platform/store";
import type { Inbound } from "./normalize";
import { wechatText } from "./texts";

export interface PaceCheckOptions {
  store: KeyValueStore;
  /** CHAT_LIMIT_PER_USER_MINUTE. */
  limitPerMinute: number;
  hotline: string;
}

/**
 * Messages per person per minute: every citizen's messages come from WeChat's servers, so the
 * limit is per openid, and the answer is a polite reply (an HTTP error would show the citizen
 * "该公众号暂时无法提供服务"). A store that is down limits nobody.
 */
export function createPaceCheck(o: PaceCheckOptions): (inbound: Inbound) => Promise<Reply | undefined> {
  const limit = { limit: o.limitPerMinute, windowSeconds: 60 };
  return async (inbound) => {
    try {
      await checkRateLimit(o.store, userBucket("wechat", inbound.openid), limit);
      return undefined;
    } catch (err) {
      if (isAppError(err) && err.code === "rate_limited") return { kind: "text", text: wechatText("slow_down", { hotline: o.hotline }) };
      return undefined;
    }
  };
}
