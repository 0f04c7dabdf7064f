import type { Reply } from "../chat";
import type { Inbound } from "./normalize";
import { wechatText } from "./texts";

export interface LocalReplyOptions {
  province: string;
  hotline: string;
  /** The menu's main entries (templates/wechat/menu.json), named in the welcome text. */
  welcomeEntries: string[];
}

/** Channel-level replies the dialog logic never sees: following, unfollowing, media we cannot read. */
export function createLocalReply(o: LocalReplyOptions): (inbound: Inbound) => Reply | undefined {
  return ({ message: m }) => {
    if (m.kind === "unsupported") return { kind: "text", text: wechatText(m.original === "voice" ? "voice_unrecognised" : "unsupported") };
    if (m.kind !== "event") return undefined;
    if (m.event === "unsubscribe") return { kind: "none" };
    if (m.event === "subscribe") {
      const entries = o.welcomeEntries.join(wechatText("entry_separator"));
      return { kind: "text", text: wechatText("welcome", { province: o.province, entries, hotline: o.hotline }) };
    }
    return undefined; // CLICK and SCAN are the dialog's business
  };
}
