import type { WorkCalendar } from "../calendar";
import type { Capability } from "../platform/capability";
import type { AppContext } from "../platform/context";
import { defineJob } from "../platform/queue";
import { complaintChatCommand } from "./chat/command";
import { complaintDesk, type ComplaintDesk } from "./desk";
import { classify as modelClassify, DEFAULT_CONFIDENCE_THRESHOLD } from "./classifier";
import type { ComplaintsDeps, ComplaintsOptions } from "./deps";
import { adminActionRoutes } from "./http/admin-action-routes";
import { adminOpsRoutes } from "./http/admin-ops-routes";
import { adminRoutes } from "./http/admin-routes";
import { integrationRoutes } from "./http/integration-routes";
import { mpRoutes } from "./http/mp-routes";
import { open311Routes } from "./http/open311-routes";
import { pageRoutes } from "./http/page-routes";
import { publicRoutes } from "./http/public-routes";
import { imageStoreFromConfig } from "./images/image-store-from-config";
import { loadComplaintPolicies, type ComplaintPolicyFile } from "./policy-file";
import { deliverOutbox } from "./outbox/deliver-outbox";
import { DELIVER_JOB, type DeliverPayload } from "./outbox/delivery-job";
import { requeuePendingOutbox, SWEEP_OUTBOX_JOB } from "./outbox/requeue-pending-outbox";
import { refreshComplaintDeadlines } from "./workflow/refresh-deadlines";
import { SUPERVISE_JOB, superviseComplaints } from "./workflow/supervise-complaints";

/**
 * Complaints into the 12345 workflow (issue 8): intake from chat, the mini-program and
 * Open311; routing by the classifier; the work-order state machine with working-day
 * deadlines and supervision; replies and 好差评 ratings; forwarding to an external 12345
 * platform through an outbox; anonymised publication.
 */
export function complaintsCapability(options: ComplaintsOptions): Capability & { chatCommand: ReturnType<typeof complaintChatCommand>; desk: ComplaintDesk } {
  let deps: ComplaintsDeps | undefined;
  let app: AppContext | undefined;
  let file: ComplaintPolicyFile | undefined;
  const get = (): ComplaintsDeps => {
    if (!app || !file) throw new Error("complaints capability used before start/routes");
    return (deps ??= resolveDeps(app, options, file));
  };
  const bind = (ctx: AppContext) => {
    if (app) return;
    file ??= loadComplaintPolicies(ctx.config.COMPLAINT_POLICIES_FILE);
    app = ctx;
    // A holiday year staff add or correct moves the stored deadlines of open tickets; the
    // calendar runs this on the instance that made the change, before the request returns.
    if (typeof options.calendar === "function") options.calendar(ctx).onChange(() => refreshComplaintDeadlines(get()));
  };
  return {
    name: "complaints",
    // The policy file is read before the database opens: an invalid one stops the start at once (ConfigError).
    checkConfig(config) {
      file = loadComplaintPolicies(config.COMPLAINT_POLICIES_FILE);
    },
    chatCommand: complaintChatCommand(get),
    desk: complaintDesk(get),
    routes(router, ctx) {
      bind(ctx);
      mpRoutes(router, ctx, get);
      adminRoutes(router, ctx, get);
      adminActionRoutes(router, ctx, get);
      adminOpsRoutes(router, ctx, get);
      publicRoutes(router, ctx, get);
      pageRoutes(router, ctx, get);
      integrationRoutes(router, ctx, get);
      open311Routes(router, ctx, get);
    },
    jobs(ctx) {
      bind(ctx);
      return [
        defineJob<DeliverPayload>({
          name: DELIVER_JOB,
          handler: async ({ id, seq }) => void (await deliverOutbox(get(), id, seq)),
          // Failed deliveries queue their next turn themselves (deliver-outbox.ts); the queue's
          // retries are for a busy claim or the database being away, spaced past a stale claim.
          defaults: { attempts: 5, backoffMs: 2 * get().outbox.timeoutMs },
        }),
        defineJob<Record<string, never>>({
          name: SWEEP_OUTBOX_JOB,
          handler: async () => {
            const n = await requeuePendingOutbox(get(), get().outbox.sweepAfterMs, get().outbox.sweepBatch);
            if (n) ctx.logger.info({ pending: n }, "12345 outbox: sweep re-enqueued pending events");
          },
          defaults: { attempts: 1 },
        }),
        defineJob<Record<string, never>>({ name: SUPERVISE_JOB, handler: async () => void (await superviseComplaints(get())), defaults: { attempts: 1 } }),
      ] as never[];
    },
    async start(ctx, role) {
      bind(ctx);
      if (!role.worker) return;
      await ctx.queue.repeat(SUPERVISE_JOB, { everyMs: get().supervisionEveryMs });
      await ctx.queue.repeat(SWEEP_OUTBOX_JOB, { everyMs: get().outbox.sweepEveryMs });
      const n = await requeuePendingOutbox(get());
      if (n) ctx.logger.info({ pending: n }, "12345 outbox: re-enqueued pending events");
    },
  };
}

/** The options filled in with the policy file and the service's own parts (holiday calendar, notifications, model, image store). */
function resolveDeps(app: AppContext, o: ComplaintsOptions, file: ComplaintPolicyFile): ComplaintsDeps {
  return {
    app,
    classify: o.classify ?? ((text) => modelClassify(text)),
    confidenceThreshold: o.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD,
    calendar: typeof o.calendar === "function" ? o.calendar(app) : fixed(o.calendar),
    policies: o.policies ?? file.policies,
    notify: o.notify,
    images: o.images ?? imageStoreFromConfig(app.config),
    outbox: { maxAttempts: 8, backoffMs: 5_000, timeoutMs: 10_000, sweepEveryMs: 60_000, sweepAfterMs: 60_000, ...o.outbox },
    supervisionEveryMs: o.supervisionEveryMs ?? file.supervisionEveryMs ?? 60_000,
    hotThreshold: o.hotThreshold ?? file.hotThreshold ?? 5,
    hotWindowHours: o.hotWindowHours ?? file.hotWindowHours ?? 24,
  };
}

const fixed = (calendar: WorkCalendar) => ({ get: async () => calendar });
