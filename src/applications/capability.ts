import type { Capability } from "../platform/capability";
import type { AppContext } from "../platform/context";
import { defineJob } from "../platform/queue";
import type { CalendarSource } from "../calendar";
import type { ApplicationsDeps } from "./deps";
import { adminRoutes } from "./http/admin-routes";
import { integrationRoutes } from "./http/integration-routes";
import { mpRoutes } from "./http/mp-routes";
import { pageRoutes } from "./http/page-routes";
import { listPendingNotificationEvents } from "./list-pending-notification-events";
import { NOTIFY_JOB, notifyApplicant } from "./notify-applicant";
import type { ItemsPort, Notifier } from "./ports";
import { refreshRunningClocks } from "./refresh-running-clocks";
import { runSupervision, SUPERVISE_JOB } from "./run-supervision";

export interface ApplicationsCapabilityOptions {
  /** Item name, department and promised limit (itemsFromCatalog over the catalog's port). */
  items: (ctx: AppContext) => ItemsPort;
  /** The official working-day calendar that deadlines count in. */
  calendar: (ctx: AppContext) => CalendarSource;
  /** Sends status notices (the notifications capability's `notify`). */
  notify: (ctx: AppContext) => Notifier;
  /** How often electronic supervision runs (default 5 minutes). */
  supervisionEveryMs?: number;
  /** How often status changes whose notification was never queued are queued again (default 1 minute). */
  notificationSweepEveryMs?: number;
}

/** Re-queues the notifications of status changes whose enqueue after commit was lost. */
export const NOTIFY_SWEEP_JOB = "applications.notify-sweep";

/** Lets other capabilities (chat wiring, the staff console) reach the same deps. */
const registry = new WeakMap<AppContext, ApplicationsDeps>();

/**
 * Application tracking (办件进度): staff API, upstream webhook, mini-program endpoints,
 * status-change notifications and the electronic supervision job. The chat command is
 * `applicationProgressCommand(applicationsDeps(ctx))`, added to ChatDeps.commands.
 */
export function applicationsCapability(options: ApplicationsCapabilityOptions): Capability {
  const depsOf = (ctx: AppContext): ApplicationsDeps => {
    let deps = registry.get(ctx);
    if (!deps) {
      deps = {
        app: ctx,
        items: options.items(ctx),
        calendar: options.calendar(ctx),
        notify: options.notify(ctx),
        queueNotification: (eventId) => ctx.queue.enqueue(NOTIFY_JOB, { eventId }, { jobId: `application-notify:${eventId}` }),
      };
      registry.set(ctx, deps);
      // A confirmed holiday year moves the deadlines of running applications (and unblocks
      // the ones whose clock needed it): the stored clock columns follow the calendar.
      const wired = deps;
      deps.calendar.onChange(() => refreshRunningClocks(wired));
    }
    return deps;
  };
  return {
    name: "applications",
    routes(router, ctx) {
      const deps = depsOf(ctx);
      adminRoutes(router, deps);
      integrationRoutes(router, deps);
      mpRoutes(router, deps);
      pageRoutes(router, deps);
    },
    jobs(ctx) {
      const deps = depsOf(ctx);
      return [
        defineJob<{ eventId: string }>({ name: NOTIFY_JOB, handler: async ({ eventId }) => void (await notifyApplicant(deps, eventId)), defaults: { attempts: 8, backoffMs: 2000 } }),
        defineJob<Record<string, never>>({ name: SUPERVISE_JOB, handler: async () => void (await runSupervision(deps)), defaults: { attempts: 1 } }),
        // Status changes whose notification job was lost after commit (Redis down, a crash):
        // handed to the queue again; the job id makes one still queued a no-op.
        defineJob<Record<string, never>>({
          name: NOTIFY_SWEEP_JOB,
          handler: async () => {
            for (const eventId of await listPendingNotificationEvents(ctx)) await deps.queueNotification(eventId);
          },
          defaults: { attempts: 1 },
        }),
      ] as never[];
    },
    async start(ctx, role) {
      const deps = depsOf(ctx);
      if (!role.worker) return;
      await ctx.queue.repeat(SUPERVISE_JOB, { everyMs: options.supervisionEveryMs ?? 5 * 60_000 });
      await ctx.queue.repeat(NOTIFY_SWEEP_JOB, { everyMs: options.notificationSweepEveryMs ?? 60_000 });
      // Outbox: status changes whose notification was never handed to the queue.
      for (const eventId of await listPendingNotificationEvents(ctx)) await deps.queueNotification(eventId);
    },
  };
}

/** The deps of a started applications capability (after routes/jobs/start ran for ctx). */
export function applicationsDeps(ctx: AppContext): ApplicationsDeps {
  const deps = registry.get(ctx);
  if (!deps) throw new Error("applicationsCapability() is not part of this service");
  return deps;
}
