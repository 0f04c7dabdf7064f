import type { KeyValueStore } from "../platform/store";
import type { ChatCommand } from "./deps";
import type { Session } from "./session";
import type { Reply } from "./types";

/**
 * What outlives a conversation's session: the name of a dialogue left open (no content, so no
 * personal data outlives the session), for a day. A session expires after 30 idle minutes;
 * without this, a citizen answering a complaint's question an hour later would find their
 * answer taken as a new question, and never learn the complaint was not filed.
 */
const TRACE_SECONDS = 24 * 3600;
const key = (channel: string, userId: string) => `chat:open-dialog:${channel}:${userId}`;

/** The command whose dialogue the session holds open, if any. */
export function openDialog(commands: readonly ChatCommand[], session: Session | Readonly<Record<string, unknown>>): ChatCommand | undefined {
  return commands.find((c) => c.dialog && (session as Record<string, unknown>)[c.dialog.sessionKey] != null);
}

/** After a message: remember the open dialogue, or forget it once it was closed. */
export async function traceDialog(store: KeyValueStore, channel: string, userId: string, before: ChatCommand | undefined, after: ChatCommand | undefined): Promise<void> {
  if (after) await store.set(key(channel, userId), after.name, TRACE_SECONDS);
  else if (before) await store.del(key(channel, userId));
}

/**
 * On the first message of a new session: the dialogue that expired with the old one (its
 * trace removed), if any. Costs one read only when there is no session.
 */
export async function expiredDialog(store: KeyValueStore, channel: string, userId: string, commands: readonly ChatCommand[]): Promise<ChatCommand | undefined> {
  const name = await store.get(key(channel, userId));
  if (!name) return undefined;
  await store.del(key(channel, userId));
  return commands.find((c) => c.name === name && c.dialog);
}

/** A notice put before a reply (a text reply gets it as its first paragraph). */
export function withNotice(notice: string, r: Reply): Reply {
  if (r.kind === "text") return { ...r, text: `${notice}\n\n${r.text}` };
  if (r.kind === "transfer") return { ...r, text: r.text ? `${notice}\n\n${r.text}` : notice };
  return { kind: "text", text: notice };
}
