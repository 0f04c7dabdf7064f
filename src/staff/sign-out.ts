import type { AppContext } from "../platform/context";
import { endSession } from "./sessions";

/** Ends the session of the token the browser sent; none sent (already signed out) is no error. */
export async function signOut(app: AppContext, o: { token: string | undefined }): Promise<void> {
  if (o.token) await endSession(app.store, o.token);
}
