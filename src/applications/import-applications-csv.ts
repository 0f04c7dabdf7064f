import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { isAppError } from "../platform/errors";
import { createApplication } from "./create-application";
import type { ApplicationsDeps } from "./deps";
import { applicationErrors } from "./errors";
import { recordApplicationEvent } from "./record-application-event";
import { statusInputSchema } from "./status-input";
import { applicationsText } from "./texts";

/**
 * CSV exports of systems that cannot push events. One row is one event, in time order:
 *
 *   external_ref,item_code,applicant_name,id_number,phone,channel,status,occurred_at,note,actor,event_id,details
 *
 * The first row of an external_ref the service does not know registers the application and
 * must be 已接件 (submitted) with item_code, applicant_name and a phone or id_number; later
 * rows move it. `details` is JSON ({"reason": …}, {"materials": […]}, {"outcome": …,
 * "resultText": …}). Without an event_id the row's content is its id, so importing the same
 * file twice changes nothing.
 */
const row = z.object({
  external_ref: z.string().trim().min(1, "external_ref is required"),
  item_code: z.string().trim().optional(),
  applicant_name: z.string().trim().optional(),
  id_number: z.string().trim().optional(),
  phone: z.string().trim().optional(),
  channel: z.string().trim().optional(),
  status: statusInputSchema,
  occurred_at: z.string().trim().min(1, "occurred_at is required").pipe(z.coerce.date({ message: "occurred_at is not a date" })),
  note: z.string().trim().optional(),
  actor: z.string().trim().optional(),
  event_id: z.string().trim().optional(),
  details: z.string().trim().optional(),
});

export interface ImportReport {
  imported: number;
  duplicates: number;
  rejected: { line: number; message: string }[];
}

const blankToUndefined = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.trim() === "" ? undefined : v]));

/** `onRow(done, total)` after each row, for a progress bar. */
export async function importApplicationsCsv(deps: ApplicationsDeps, text: string, onRow?: (done: number, total: number) => void): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, duplicates: 0, rejected: [] };
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: true });
  } catch (err) {
    report.rejected.push({ line: (err as { lines?: number }).lines ?? 1, message: applicationsText("text.csv_unparsable", { reason: (err as Error).message }) });
    return report;
  }
  for (const [i, { record, info }] of records.entries()) {
    try {
      const outcome = await importRow(deps, record);
      if (outcome === "duplicate") report.duplicates++;
      else report.imported++;
    } catch (err) {
      report.rejected.push({ line: info.lines, message: messageOf(err) });
    }
    onRow?.(i + 1, records.length);
  }
  return report;
}

async function importRow(deps: ApplicationsDeps, record: Record<string, string>): Promise<"imported" | "duplicate"> {
  const parsed = row.safeParse(blankToUndefined(record));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const r = parsed.data;
  const externalId = r.event_id ?? `row:${crypto.createHash("sha256").update(JSON.stringify(record)).digest("base64url").slice(0, 32)}`;
  const known = await deps.app.db.prisma.application.findUnique({ where: { externalRef: r.external_ref }, select: { id: true } });
  if (!known) {
    if (r.status !== "submitted") throw applicationErrors("import_not_registered", { externalRef: r.external_ref });
    if (!r.item_code || !r.applicant_name) throw applicationErrors("import_registration_incomplete");
    await createApplication(deps, {
      itemCode: r.item_code,
      applicant: { name: r.applicant_name, idNumber: r.id_number, phone: r.phone },
      channel: "import",
      submittedAt: r.occurred_at,
      externalRef: r.external_ref,
      note: r.note,
      actor: r.actor,
      source: "import",
      sourceId: "csv",
      externalId,
    });
    return "imported";
  }
  let details: unknown;
  try {
    details = r.details ? JSON.parse(r.details) : undefined;
  } catch {
    throw applicationErrors("import_details_not_json");
  }
  const result = await recordApplicationEvent(deps, {
    externalRef: r.external_ref,
    status: r.status,
    at: r.occurred_at,
    note: r.note,
    actor: r.actor,
    details,
    source: "import",
    sourceId: "csv",
    externalId,
  });
  return result.duplicate ? "duplicate" : "imported";
}

const messageOf = (err: unknown) => (isAppError(err) || err instanceof Error ? err.message : String(err));
