/**
 * Channel-neutral message types. Channels (wechat/, miniprogram/, the /api/v1/ask endpoint)
 * normalise their payloads into `IncomingMessage`, call `handleMessage`, and render the
 * `Reply` back. chat/ never sees XML or a Koa ctx.
 */
export type Channel = "wechat" | "miniprogram" | "api";

export type IncomingMessage =
  | (BaseIncoming & { kind: "text"; text: string })
  | (BaseIncoming & EventFields & { kind: "event" })
  /** A place the citizen chose to send (WeChat location message); degrees, WGS-84/GCJ-02 as the channel gives them. */
  | (BaseIncoming & { kind: "location"; latitude: number; longitude: number; label?: string })
  | (BaseIncoming & { kind: "unsupported"; original: string });

/**
 * What a channel event means, in the channel's neutral words (the adapter translates; chat
 * decides the reply, src/chat/events.ts):
 * - `subscribe`: started following, `scene` set when it was by scanning a QR code with one;
 * - `scan`: a follower scanned a QR code carrying `scene` (e.g. `guide:<item code>`);
 * - `click`: a menu button, `key` as in templates/wechat/menu.json;
 * - `view`: a menu link was opened (`key` = the URL), `location`: the channel's automatic
 *   position report, `unsubscribe`, and `other` for events chat has no meaning for (`key` = name).
 */
export interface EventFields {
  event: "subscribe" | "unsubscribe" | "click" | "scan" | "view" | "location" | "other";
  key?: string;
  scene?: string;
}

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
