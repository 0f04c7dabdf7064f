import { z } from "zod";
import { NOTIFICATION_STATUSES } from "../list-notifications";

export const listNotificationsQuery = z.object({
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationParams = z.object({ id: z.string().uuid() });
