import type { Capability } from "../platform/capability";
import type { JobDefinition } from "../platform/queue";
import { adminRoutes } from "./http/admin-routes";
import { requeuePending, sweepJob, SWEEP_NOTIFICATIONS_JOB } from "./requeue-pending";
import { sendNotificationJob } from "./send-notification";

/**
 * Outbound notifications to citizens: `notify()` records one row per business change and a
 * job sends it as an OA template message or a mini-program subscribe message (consuming a
 * consent). Failures are kept on the row and listed at /api/v1/admin/notifications.
 */
export function notificationsCapability(): Capability {
  return {
    name: "notifications",
    routes: (router, app) => adminRoutes(router, app),
    jobs: (app) => [sendNotificationJob(app), sweepJob(app)] as JobDefinition<never>[],
    async start(app, role) {
      if (!role.worker) return;
      // The in-process queue starts empty after a restart: the rows say what is still to send.
      await requeuePending(app);
      await app.queue.repeat(SWEEP_NOTIFICATIONS_JOB, { everyMs: 5 * 60_000 });
    },
  };
}
