import type { KeyValueStore } from "../platform/store";
import type { Aspect } from "./aspects";

/** What the assistant remembers about one conversation (~30 minutes, sliding). */
export interface Session {
  itemCode?: string;
  itemName?: string;
  aspect?: Aspect;
  /** Numbered choices offered in the last reply ("回复 1/2/3"). */
  candidates?: { code: string; name: string }[];
  /** Aspect asked together with an ambiguous question, answered once the citizen picks. */
  pendingAspect?: Aspect;
  /** The citizen's region (行政区划代码) once named. */
  region?: string;
  regionName?: string;
  lang?: "zh" | "bo";
}

export const SESSION_TTL_SECONDS = 30 * 60;

const key = (channel: string, userId: string) => `chat:session:${channel}:${userId}`;

/** The session and the stored text it was read from ("{}" when there was none or it was unreadable). */
export async function loadSession(store: KeyValueStore, channel: string, userId: string): Promise<{ session: Session; json: string }> {
  const raw = await store.get(key(channel, userId));
  if (raw) {
    try {
      return { session: JSON.parse(raw) as Session, json: raw };
    } catch {
      /* unreadable: start afresh */
    }
  }
  return { session: {}, json: "{}" };
}

/** Saves a session, or its JSON text when the caller already has it (a replayed answer). */
export async function saveSession(store: KeyValueStore, channel: string, userId: string, s: Session | string): Promise<void> {
  await store.set(key(channel, userId), typeof s === "string" ? s : JSON.stringify(s), SESSION_TTL_SECONDS);
}
