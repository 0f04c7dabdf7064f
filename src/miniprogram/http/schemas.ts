import { z } from "zod";
import { userProfileSchema } from "../../users";

export const loginBody = z.object({ code: z.string().min(1).max(128) });
export const loginResponse = z.object({ token: z.string(), expiresAt: z.string(), expiresIn: z.number(), user: userProfileSchema });
export const logoutResponse = z.object({ ok: z.literal(true) });
export const sessionResponse = z.object({ userId: z.string(), expiresAt: z.string() });

export const phoneBody = z.object({ code: z.string().min(1).max(256) });
export const realNameBody = z.object({ name: z.string().min(2).max(30), idNumber: z.string().min(15).max(18) });

export const subscriptionsResponse = z.object({
  /** Template ids by topic, for wx.requestSubscribeMessage. */
  templates: z.record(z.string(), z.string()),
  /** Sends still allowed per template id. */
  available: z.record(z.string(), z.number()),
});
export const subscriptionsBody = z.object({
  accepted: z.array(z.string().min(1).max(128)).max(20),
  rejected: z.array(z.string().min(1).max(128)).max(20).optional(),
});
export const recordedSubscriptionsResponse = subscriptionsResponse.extend({ recorded: z.number() });
