import type { WorkCalendar } from "../../calendar";
import { complaintErrors } from "../errors";
import { text } from "../texts";
import type { ComplaintsDeps } from "../deps";
import { districtOf } from "../place";
import { formatTicketNo } from "../ticket-number";
import type { ComplaintChannel, ComplaintKind } from "../types";
import { isUniqueViolation } from "../../platform/db";
import type { Complaint, Tx } from "../workflow/db";
import { deadlineFields } from "../workflow/deadline-fields";
import { recordEvent } from "../workflow/transition";
import { kickOutbox, writeOutbox } from "../outbox/write-outbox";
import { findPossibleDuplicates } from "./find-possible-duplicates";
import { routeComplaint } from "./route-complaint";

export interface StoredImage {
  mime: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export interface CreateComplaintOptions {
  kind?: ComplaintKind;
  text: string;
  address?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  occurredAt?: Date | undefined;
  occurredText?: string | undefined;
  channel: ComplaintChannel;
  userId?: string | undefined;
  openid?: string | undefined;
  open311ClientId?: string | undefined;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  contactConsent?: boolean | undefined;
  publicationConsent?: boolean | undefined;
  urgent?: boolean | undefined;
  /** Chosen by the client (Open311 service_code); otherwise the classifier's. */
  category?: string | undefined;
  /** WeChat MsgId, Idempotency-Key header, …: the same key always yields the same ticket. */
  idempotencyKey?: string | undefined;
  images?: StoredImage[];
  /** Open311 media_url: a public http(s) link the client hosts. */
  mediaUrl?: string | undefined;
}

export interface CreateComplaintResult {
  complaint: Complaint;
  /** False when the idempotency key matched an earlier ticket (a retry or double tap). */
  created: boolean;
}

/**
 * Intake: the ticket, its first event, its images, its routing and its outbox row commit in
 * one transaction *before* anyone tells the citizen it was received. A second request with
 * the same idempotency key returns the first ticket — checked first, and again through the
 * unique index when two arrive at the same moment.
 */
export async function createComplaint(deps: ComplaintsDeps, o: CreateComplaintOptions): Promise<CreateComplaintResult> {
  const text = o.text.trim();
  if (text.length < 5) throw complaintErrors("complaint_text_too_short");
  const prisma = deps.app.db.prisma;
  if (o.idempotencyKey) {
    const existing = await prisma.complaint.findUnique({ where: { idempotencyKey: o.idempotencyKey } });
    if (existing) return { complaint: existing, created: false };
  }
  const calendar = await deps.calendar.get();
  let outboxId: string | undefined;
  try {
    const complaint = await prisma.$transaction(async (tx) => {
      const c = await insert(deps, tx, { ...o, text }, calendar);
      outboxId = await writeOutbox(deps, tx, c, "complaint.accepted");
      return c;
    });
    await kickOutbox(deps, outboxId);
    return { complaint, created: true };
  } catch (e) {
    if (o.idempotencyKey && isUniqueViolation(e)) {
      const existing = await prisma.complaint.findUnique({ where: { idempotencyKey: o.idempotencyKey } });
      if (existing) return { complaint: existing, created: false };
    }
    throw e;
  }
}

/**
 * One INSERT of the ticket as it leaves intake: routing, duplicate check and (for a confident,
 * unique ticket) the deadlines are worked out first, so the row is never rewritten in the same
 * transaction — and its updatedAt is the instance clock's, like every later change.
 */
async function insert(deps: ComplaintsDeps, tx: Tx, o: CreateComplaintOptions, calendar: WorkCalendar): Promise<Complaint> {
  const now = deps.app.now();
  const rows = await tx.$queryRaw<{ n: number }[]>`SELECT nextval(pg_get_serial_sequence('complaint', 'seq'))::int AS n`;
  const seq = rows[0]!.n;
  const ticketNo = formatTicketNo(now, seq);
  const district = districtOf(o.address) ?? null;
  const routing = await routeComplaint(deps, tx, o.text, o.category);
  const duplicates = await findPossibleDuplicates(tx, { text: o.text, district, now });
  const kind = o.kind ?? "complaint";
  const urgent = o.urgent ?? false;
  // A confident, unique ticket goes straight to its department (自动派单); the rest wait.
  const department = !routing.toDispatcher && duplicates.length === 0 ? routing.department : undefined;
  const deadlines = department ? tryDeadlines(deps, calendar, { kind, urgent, deadlineVersion: 0, ticketNo }, now) : undefined;
  const dispatched = department && deadlines ? { status: "dispatched", departmentId: department.id, department: department.name, ...deadlines } : undefined;
  const enc = (v: string | undefined) => (v?.trim() ? deps.app.crypto.encrypt(v.trim()) : null);
  const c = await tx.complaint.create({
    data: {
      seq,
      ticketNo,
      kind,
      text: o.text,
      address: o.address?.trim() || null,
      district,
      lat: o.lat ?? null,
      lng: o.lng ?? null,
      occurredAt: o.occurredAt ?? null,
      occurredText: o.occurredText ?? null,
      channel: o.channel,
      userId: o.userId ?? null,
      openid: o.openid ?? null,
      open311ClientId: o.open311ClientId ?? null,
      contactNameEnc: enc(o.contactName),
      contactPhoneEnc: enc(o.contactPhone),
      contactConsent: o.contactConsent ?? false,
      publicationConsent: o.publicationConsent ?? false,
      urgent,
      category: routing.category,
      confidence: routing.confidence,
      suggestedDepartment: routing.suggestedDepartment,
      dispatcherQueue: !dispatched,
      possibleDuplicates: duplicates,
      idempotencyKey: o.idempotencyKey ?? null,
      mediaUrl: o.mediaUrl ?? null,
      createdAt: now,
      updatedAt: now,
      ...dispatched,
      images: o.images?.length ? { create: o.images.map((img, position) => ({ ...img, position })) } : undefined,
    },
  });
  await recordEvent(tx, {
    complaintId: c.id,
    type: "accepted",
    actor: "citizen",
    at: now,
    data: { channel: o.channel, category: routing.category, confidence: routing.confidence, duplicates },
  });
  if (dispatched) {
    await tx.complaintEvent.create({
      data: { complaintId: c.id, type: "status", fromStatus: "accepted", toStatus: "dispatched", actor: "system", note: text("timeline.auto_dispatch"), data: { department: dispatched.department }, at: now },
    });
  }
  return c;
}

/**
 * Deadlines for auto-dispatch. When they cannot be computed (next year's holidays not yet
 * entered by staff) the ticket still commits and waits for the dispatcher, who will see why.
 */
function tryDeadlines(deps: ComplaintsDeps, calendar: WorkCalendar, c: Pick<Complaint, "kind" | "urgent" | "deadlineVersion" | "ticketNo">, now: Date) {
  try {
    return deadlineFields(deps, calendar, c, now);
  } catch (err) {
    deps.app.logger.warn({ err, ticketNo: c.ticketNo }, "cannot compute deadlines; ticket left to the dispatcher");
    return undefined;
  }
}
