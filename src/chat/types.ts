/**
 * Channel-neutral message types. Channels (wechat/, miniprogram/, the /api/v1/ask endpoint)
 * normalise their payloads into `IncomingMessage`, call `handleMessage`, and render the
 * `Reply` back. chat/ never sees XML or a Koa ctx.
 */
export type Channel = "wechat" | "miniprogram" | "api";

export type IncomingMessage =
  | (BaseIncoming & { kind: "text"; text: string })
  | (BaseIncoming & { kind: "event"; event: "subscribe" | "unsubscribe" | "click" | "scan"; key?: string })
  | (BaseIncoming & { kind: "unsupported"; original: string });

export interface BaseIncoming {
  channel: Channel;
  /**
   * Stable id of the conversation partner: openid, mini-program user id, or, on the anonymous
   * API, a conversation key the caller chose (prefixed so it never equals an openid or user id).
   */
  userId: string;
  /**
   * Set only by an adapter that proved who is writing: a signed Official Account message (its
   * openid) or a mini-program session (our user id). Without it `userId` is whatever the caller
   * sent, so commands that read or act on a person's records (`ChatCommand.personal`) refuse.
   */
  verified?: boolean;
  /** Platform message id for de-duplication (WeChat MsgId), if any. */
  messageId?: string;
  /** Language hint from the channel; the text itself may override it (Tibetan script). */
  lang?: "zh" | "bo";
  receivedAt: Date;
}

export type Reply =
  | {
      kind: "text";
      text: string;
      /** Structured facts for channels that can show more than text (mini-program, API). */
      itemCode?: string | null;
      aspect?: string | null;
      candidates?: { code: string; name: string }[];
      link?: string | null;
    }
  /** Hand the conversation to human customer service (WeChat transfer_customer_service). */
  | { kind: "transfer"; text?: string }
  /** Nothing to send (e.g. unsubscribe). */
  | { kind: "none" };
