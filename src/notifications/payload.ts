import type { AppContext } from "../platform/context";
import { t } from "../platform/templates";
import type { FieldType, FieldValue } from "./fit-fields";
import { fitField } from "./fit-fields";
import { KINDS, type NotificationKind } from "./kinds";

/** What a notification says, stored encrypted (notification.payload_enc): it may name a person. */
export interface NotificationPayload {
  fields: Record<string, string | number>;
  page?: string;
  url?: string;
  /** Absent in payloads recorded before priorities existed: those were all sent as "action". */
  priority?: "action" | "info";
}

export function sealPayload(ctx: Pick<AppContext, "crypto">, p: NotificationPayload): string {
  return ctx.crypto.encrypt(JSON.stringify(p));
}

export function openPayload(ctx: Pick<AppContext, "crypto">, sealed: string): NotificationPayload {
  return JSON.parse(ctx.crypto.decrypt(sealed)) as NotificationPayload;
}

const isTimeField = (f: { type: FieldType }) => f.type === "time" || f.type === "date";

/** Checks the caller's fields against the kind (a missing required field is a programming error). */
export function normaliseFields(kind: NotificationKind, fields: Record<string, FieldValue | null | undefined>): Record<string, string | number> {
  const spec = KINDS[kind].fields as Record<string, { type: FieldType; optional?: boolean }>;
  const out: Record<string, string | number> = {};
  for (const [name, f] of Object.entries(spec)) {
    const v = fields[name];
    if (v === undefined || v === null || v === "") {
      if (!f.optional) throw new Error(`notify(${kind}): field "${name}" is required`);
      continue;
    }
    if (isTimeField(f) && !(v instanceof Date)) {
      // Only an instant can be shown in Shanghai time without guessing: text such as
      // "2026-11-25 10:00" has no zone and was once converted twice (8 hours late).
      throw new Error(`notify(${kind}): field "${name}" must be a Date`);
    }
    out[name] = v instanceof Date ? v.toISOString() : v;
  }
  for (const name of Object.keys(fields)) {
    if (!Object.hasOwn(spec, name)) throw new Error(`notify(${kind}): unknown field "${name}"`);
  }
  return out;
}

/** The template `data` object for one channel, every value fitted to its type's limits. */
export function templateData(kind: NotificationKind, fields: Record<string, string | number>, channel: "oa" | "mp") {
  const data: Record<string, { value: string }> = {};
  for (const [name, f] of Object.entries(KINDS[kind].fields) as [string, { type: Parameters<typeof fitField>[0]; key: string; oaKey?: string }][]) {
    const raw = fields[name] ?? t("notifications", "zh", `${kind}.${name}`);
    data[channel === "oa" ? (f.oaKey ?? f.key) : f.key] = { value: fitField(f.type, raw) };
  }
  return data;
}
