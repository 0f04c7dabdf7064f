import type { AppContext } from "../platform/context";
import { sessionKey } from "./session-keys";

export async function revokeSession(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.store.del(sessionKey(sessionId));
}
