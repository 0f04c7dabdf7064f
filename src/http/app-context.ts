import type Koa from "koa";
import type { Context } from "koa";
import type { AppContext } from "../platform/context";

interface WithAppContext {
  appContext?: AppContext;
}

/**
 * Puts the AppContext on Koa's context prototype (app.context, Koa's documented extension
 * point), so middleware created without arguments, such as the staff guard, can reach the
 * config and store of the service answering the request.
 */
export function provideAppContext(koa: Koa, ctx: AppContext): void {
  (koa.context as WithAppContext).appContext = ctx;
}

export function appContextOf(c: Context): AppContext {
  const app = (c as unknown as WithAppContext).appContext;
  if (!app) throw new Error("No AppContext on this Koa app (createHttpApp provides it)");
  return app;
}
