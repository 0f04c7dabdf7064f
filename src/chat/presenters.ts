import type { Reply } from "./types";

/** The only place that decides the JSON shape of a chat reply (POST /api/v1/ask). */
export function presentAskReply(reply: Reply) {
  if (reply.kind === "text") {
    return { text: reply.text, itemCode: reply.itemCode ?? null, aspect: reply.aspect ?? null, candidates: reply.candidates ?? [], link: reply.link ?? null };
  }
  return { text: reply.kind === "transfer" ? (reply.text ?? "") : "", itemCode: null, aspect: null, candidates: [], link: null };
}
