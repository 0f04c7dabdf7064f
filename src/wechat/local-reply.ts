import type { Reply } from "../chat";
import type { Inbound } from "./normalize";
import { wechatText } from "./texts";

/**
 * The one reply the channel gives itself: media it cannot turn into words (a picture, a voice
 * message WeChat did not transcribe). Everything with meaning — text, menu clicks, following,
 * QR scenes, locations — is the dialog's (src/chat/events.ts).
 */
export function localReply({ message: m }: Inbound): Reply | undefined {
  if (m.kind !== "unsupported") return undefined;
  return { kind: "text", text: wechatText(m.original === "voice" ? "voice_unrecognised" : "unsupported") };
}
