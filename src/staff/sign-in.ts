import type { AppContext } from "../platform/context";
import { login, type LoginOptions } from "./login";
import { endSession, type StaffSession } from "./sessions";
import type { StaffPrincipal } from "./roles";

export interface SignInOptions extends LoginOptions {
  /** The session token the browser came with, if any. */
  previousToken?: string | undefined;
}

/**
 * Signs in with a fresh session token; the token the browser came with ends, so a token
 * planted before sign-in is never the one that carries the signed-in session (session fixation).
 */
export async function signIn(app: AppContext, o: SignInOptions): Promise<{ token: string; session: StaffSession; principal: StaffPrincipal }> {
  const { previousToken, ...credentials } = o;
  const signedIn = await login(app, credentials);
  if (previousToken) await endSession(app.store, previousToken);
  return signedIn;
}
