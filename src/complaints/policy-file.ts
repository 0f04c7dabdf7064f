import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ConfigError } from "../platform/config";
import { COMPLAINT_KINDS } from "./types";
import { policyPatchSchema, type PolicyOverride } from "./deadlines";

/**
 * Deadline policies and supervision thresholds from a file the province edits
 * (config/complaint-policies.yaml, or COMPLAINT_POLICIES_FILE), read once at start. An invalid
 * file stops the start with every problem listed, as an invalid environment does.
 */
export const DEFAULT_POLICIES_FILE = fileURLToPath(new URL("../../config/complaint-policies.yaml", import.meta.url));

const fileSchema = z
  .object({
    defaults: policyPatchSchema.default({}),
    overrides: z
      .array(
        z
          .object({ region: z.string().regex(/^\d{6}$/, "a 6-digit region code").optional(), kind: z.enum(COMPLAINT_KINDS).optional(), policy: policyPatchSchema })
          .strict()
          .refine((o) => o.region !== undefined || o.kind !== undefined, "names a region, a kind or both"),
      )
      .default([]),
    supervision: z
      .object({
        scanEveryMinutes: z.number().int().min(1).max(1440).optional(),
        hotThreshold: z.number().int().min(2).optional(),
        hotWindowHours: z.number().int().min(1).max(24 * 30).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export interface ComplaintPolicyFile {
  policies: PolicyOverride[];
  supervisionEveryMs?: number;
  hotThreshold?: number;
  hotWindowHours?: number;
}

export function loadComplaintPolicies(file = DEFAULT_POLICIES_FILE): ComplaintPolicyFile {
  const where = `complaint policies (${file})`;
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, "utf8")) ?? {};
  } catch (e) {
    throw new ConfigError([`${where}: ${(e as Error).message.split("\n")[0]}`]);
  }
  const result = fileSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${where}: ${i.path.join(".") || "(root)"}: ${i.message}`));
  const f = result.data;
  return {
    // The file's defaults are the least specific override; resolvePolicy sorts the rest above them.
    policies: [{ policy: f.defaults }, ...f.overrides.map((o) => ({ province: o.region, type: o.kind, policy: o.policy }))],
    ...(f.supervision.scanEveryMinutes ? { supervisionEveryMs: f.supervision.scanEveryMinutes * 60_000 } : {}),
    ...(f.supervision.hotThreshold ? { hotThreshold: f.supervision.hotThreshold } : {}),
    ...(f.supervision.hotWindowHours ? { hotWindowHours: f.supervision.hotWindowHours } : {}),
  };
}
