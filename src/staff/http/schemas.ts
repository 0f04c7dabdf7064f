import { z } from "zod";
import { PASSWORD_MAX } from "../password";
import { ROLES } from "../roles";

export const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(PASSWORD_MAX) });
export const passwordBody = z.object({ oldPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: z.string().min(1).max(PASSWORD_MAX) });

export const meSchema = z.object({
  accountId: z.string().nullable(),
  username: z.string(),
  role: z.enum(ROLES),
  department: z.string().nullable(),
  machine: z.boolean(),
  csrfToken: z.string().nullable().openapi({ description: "Send as X-CSRF-Token (or form field _csrf) on every state change made with the session cookie" }),
});

const department = z.string().trim().max(100).nullable().optional();
export const createAccountBody = z.object({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(PASSWORD_MAX),
  role: z.enum(ROLES),
  department,
});
export const updateAccountBody = z
  .object({ role: z.enum(ROLES).optional(), department, disabled: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: "nothing to change" });
export const accountParams = z.object({ id: z.uuid() });
export const resetPasswordBody = z.object({ password: z.string().min(1).max(PASSWORD_MAX) });

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  department: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const accountListSchema = z.object({ items: z.array(accountSchema) });
export const okSchema = z.object({ ok: z.boolean() });

/** The audit log's filter and page. */
export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entity: z.string().max(150).optional().describe('"item", "item:<code>", "synonym", "complaint_route", "complaint_route:<category>", "holiday_year", "holiday_year:<year>"'),
});
