import type Router from "@koa/router";
import type { AppContext } from "./context";
import type { JobDefinition } from "./queue";
import type { Registry } from "prom-client";

/**
 * A capability (catalog, search, chat, wechat, …) plugs into the service through this
 * shape: it may add routes, job definitions, and start/stop hooks. src/capabilities.ts lists
 * them in dependency order.
 */
export interface Capability {
  name: string;
  /**
   * Checks the capability's own configuration (a file it reads) before anything is opened;
   * throws a ConfigError listing every problem, which stops the start as an invalid environment does.
   */
  checkConfig?(config: AppContext["config"]): void;
  /** Add HTTP routes (web role). */
  routes?(router: Router, ctx: AppContext): void;
  /** Job definitions (registered in every role, so any role can enqueue them). */
  jobs?(ctx: AppContext): JobDefinition<never>[];
  /** Called once at boot after migrations (both roles): load indexes, subscribe, schedule. */
  start?(ctx: AppContext, role: { web: boolean; worker: boolean }): Promise<void>;
  /** Called on shutdown, in reverse order. */
  stop?(): Promise<void>;
  /**
   * What will stop working soon, without failing readiness (e.g. next year's holidays not
   * entered): listed under `warnings` on /readyz. Must answer quickly and never throw.
   */
  warnings?(ctx: AppContext): Promise<ReadinessWarning[]>;
  /** Adds the capability's own gauges to the service's metrics registry (web role). */
  metrics?(registry: Registry, ctx: AppContext): void;
}

/** One readiness warning: a stable code, a message for operators, and any detail. */
export interface ReadinessWarning {
  code: string;
  message: string;
  [detail: string]: unknown;
}
