import { z } from "zod";
import { CHANNELS } from "../create-application";
import { applicationViewSchema } from "../presenters";
import { SUPERVISION_KINDS } from "../run-supervision";
import { statusInputSchema } from "../status-input";

export const numberParams = z.object({ number: z.string().min(1).max(40) });

const applicant = z.object({ name: z.string().trim().min(1).max(50), idNumber: z.string().trim().max(30).optional(), phone: z.string().trim().max(20).optional() });

export const createApplicationBody = z.object({
  itemCode: z.string().min(1).max(100),
  applicant,
  channel: z.enum(CHANNELS).default("counter"),
  submittedAt: z.coerce.date().optional(),
  externalRef: z.string().min(1).max(100).optional(),
  userId: z.string().uuid().optional(),
  oaOpenid: z.string().max(64).optional(),
  mpOpenid: z.string().max(64).optional(),
  note: z.string().max(500).optional(),
});

export const transitionBody = z.object({ status: statusInputSchema, at: z.coerce.date().optional(), note: z.string().max(500).optional(), details: z.record(z.string(), z.unknown()).optional() });

export const listApplicationsQuery = z.object({
  department: z.string().optional(),
  status: z.string().optional(),
  itemCode: z.string().optional(),
  supervision: z.enum(["warning", "overdue"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().uuid().optional(),
});

export const supervisionAlertsQuery = z.object({ department: z.string().optional(), kind: z.enum(SUPERVISION_KINDS).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

/** An upstream system's status event. */
export const integrationEventBody = z
  .object({
    eventId: z.string().min(1).max(100),
    /** Our 办件编号, or the upstream system's own number given at registration */
    number: z.string().max(40).optional(),
    externalRef: z.string().max(100).optional(),
    status: statusInputSchema,
    occurredAt: z.coerce.date(),
    note: z.string().max(500).optional(),
    actor: z.string().max(50).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((b) => b.number || b.externalRef, { message: "number or externalRef is required", path: ["number"] });

export const integrationEventResponse = z.object({ duplicate: z.boolean(), applied: z.boolean(), number: z.string(), status: z.string() });

// Response shapes of the staff and mini-program routes (presenters.ts builds them).
export const statusChangeSchema = applicationViewSchema.extend({ applied: z.boolean() });
export const applicationPageSchema = z.object({ items: z.array(applicationViewSchema), next: z.string().nullable() });
export const myApplicationsSchema = z.object({ items: z.array(applicationViewSchema) });
