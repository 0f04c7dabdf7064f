import { deepFreeze, type DeepReadonly } from "../platform/frozen";
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

/** A loaded session: its stored text, a shared read-only view of it, and fresh copies to change. */
export interface LoadedSession {
  /** The stored text ("{}" when there was none or it was unreadable). */
  json: string;
  /** Read-only, and shared with every other conversation in the same state: for looking, not changing. */
  session: DeepReadonly<Session>;
  /** A copy of its own to change and save. */
  copy(): Session;
}

const MAX_VIEWS = 2000;
/**
 * Parsed sessions by their text, frozen. Conversations go through the same few states (the
 * same item and aspect after the same question), and with the in-process store the text read
 * is the very string saved last, so most loads find their view here instead of parsing.
 * Only the assistant's own catalog state is kept here (these keys): a session that also holds
 * another capability's dialogue (a complaint being written, an application being looked up)
 * may hold personal details, which must not outlive the session, so it is parsed each time.
 */
const views = new Map<string, DeepReadonly<Session>>();
const CATALOG_STATE = new Set<string>(["itemCode", "itemName", "aspect", "candidates", "pendingAspect", "region", "regionName", "lang"] satisfies (keyof Session)[]);

function viewOf(json: string): DeepReadonly<Session> | undefined {
  let view = views.get(json);
  if (view) return view;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    view = deepFreeze(parsed as Session);
  } catch {
    return undefined; // unreadable: start afresh
  }
  if (Object.keys(view).every((k) => CATALOG_STATE.has(k))) {
    if (views.size >= MAX_VIEWS) views.delete(views.keys().next().value as string);
    views.set(json, view);
  }
  return view;
}

const EMPTY: LoadedSession = { json: "{}", session: deepFreeze({}), copy: () => ({}) };

export async function loadSession(store: KeyValueStore, channel: string, userId: string): Promise<LoadedSession> {
  const raw = await store.get(key(channel, userId));
  const session = raw ? viewOf(raw) : undefined;
  return session ? { json: raw!, session, copy: () => JSON.parse(raw!) as Session } : EMPTY;
}

/** Saves a session, or its JSON text when the caller already has it (a replayed answer). */
export async function saveSession(store: KeyValueStore, channel: string, userId: string, s: Session | string): Promise<void> {
  await store.set(key(channel, userId), typeof s === "string" ? s : JSON.stringify(s), SESSION_TTL_SECONDS);
}
