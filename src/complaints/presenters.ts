import { z } from "zod";
import { shanghaiDayOf } from "../calendar";
import type { AppContext } from "../platform/context";
import type { ComplaintApiKey, ComplaintEvent, ComplaintImage, ComplaintOutbox } from "../generated/prisma/client";
import { canTransition, COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "./complaint-status";
import type { HotIssue } from "./find-hot-issues";
import type { CallbackResult } from "./outbox/receive-callback";
import { KIND_ATTRIBUTE, open311StatusOf, SERVICE_CODES, SERVICES_CHANGESET, serviceCodeOf } from "./open311/service-codes";
import { anonymiseText, publicPlace } from "./place";
import { text } from "./texts";
import type { ComplaintRouteEntry } from "./routing/list-complaint-routes";
import { COMPLAINT_KIND_LABELS, type ComplaintKind } from "./types";
import type { Complaint } from "./workflow/db";
import type { SupervisionResult } from "./workflow/supervise-complaints";

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const label = (s: string) => COMPLAINT_STATUS_LABELS[s as ComplaintStatus] ?? s;

export const citizenComplaintSchema = z.object({
  ticketNo: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  text: z.string(),
  address: z.string().nullable(),
  createdAt: z.string(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  /** When the reply is due (working days on the holiday calendar); null before dispatch or once answered. */
  replyDueAt: z.string().nullable(),
  satisfaction: z.string().nullable(),
  canRate: z.boolean(),
  imageCount: z.number().optional(),
  timeline: z.array(z.object({ status: z.string(), statusLabel: z.string(), at: z.string() })).optional(),
});

/** What the citizen sees of their own ticket: no staff names, no internal routing. */
export function presentCitizenComplaint(c: Complaint & { images?: ComplaintImage[]; events?: ComplaintEvent[] }) {
  return {
    ticketNo: c.ticketNo,
    kind: c.kind,
    kindLabel: COMPLAINT_KIND_LABELS[c.kind as ComplaintKind] ?? c.kind,
    status: c.status,
    statusLabel: label(c.status),
    text: c.text,
    address: c.address,
    createdAt: c.createdAt.toISOString(),
    replyText: c.replyText,
    repliedAt: iso(c.repliedAt),
    replyDueAt: c.repliedAt ? null : iso(c.replyDueAt),
    satisfaction: c.satisfaction,
    canRate: canTransition(c.status as ComplaintStatus, "rated"),
    ...(c.images ? { imageCount: c.images.length } : {}),
    ...(c.events
      ? { timeline: c.events.filter((e) => e.type === "status" && e.toStatus).map((e) => ({ status: e.toStatus!, statusLabel: label(e.toStatus!), at: e.at.toISOString() })) }
      : {}),
  };
}

/** The staff view: everything, the contact decrypted only when the citizen agreed to be contacted. */
export function presentStaffComplaint(app: AppContext, c: Complaint & { images?: ComplaintImage[]; events?: ComplaintEvent[] }) {
  const dec = (v: string | null) => (v ? app.crypto.decrypt(v) : null);
  return {
    id: c.id,
    ticketNo: c.ticketNo,
    kind: c.kind,
    status: c.status,
    statusLabel: label(c.status),
    dispatcherQueue: c.dispatcherQueue,
    channel: c.channel,
    text: c.text,
    address: c.address,
    district: c.district,
    location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
    // An Open311 client's photo or video link (http(s) only, checked at intake): the handler needs it as much as an uploaded image.
    mediaUrl: c.mediaUrl,
    occurredAt: iso(c.occurredAt),
    occurredText: c.occurredText,
    urgent: c.urgent,
    contact: c.contactConsent ? { name: dec(c.contactNameEnc), phone: dec(c.contactPhoneEnc) } : null,
    contactConsent: c.contactConsent,
    publicationConsent: c.publicationConsent,
    publicInterest: c.publicInterest,
    category: c.category,
    confidence: c.confidence,
    suggestedDepartment: c.suggestedDepartment,
    department: c.department,
    departmentId: c.departmentId,
    possibleDuplicates: c.possibleDuplicates,
    deadlines: {
      dispatchedAt: iso(c.dispatchedAt),
      signDueAt: iso(c.signDueAt),
      returnDueAt: iso(c.returnDueAt),
      replyDueAt: iso(c.replyDueAt),
      reminderAt: iso(c.reminderAt),
      supervisionAt: iso(c.supervisionAt),
      escalationAt: iso(c.escalationAt),
      // Dispatched, not urgent, yet no escalation date: it falls in a year whose holidays are not
      // entered, and is filled in when staff add that year (deadlines.ts).
      escalationPending: c.dispatchedAt !== null && !c.urgent && c.replyDueAt !== null && c.escalationAt === null,
      extensionWorkdays: c.extensionWorkdays,
    },
    supervisionStage: c.supervisionStage,
    signedAt: iso(c.signedAt),
    replyText: c.replyText,
    repliedAt: iso(c.repliedAt),
    satisfaction: c.satisfaction,
    rectification: c.rectification,
    rectificationDueAt: iso(c.rectificationDueAt),
    appeal: c.appeal,
    createdAt: c.createdAt.toISOString(),
    ...(c.images ? { images: c.images.map((i) => ({ position: i.position, mime: i.mime, size: i.size })) } : {}),
    ...(c.events
      ? {
          events: c.events.map((e) => ({ type: e.type, from: e.fromStatus, to: e.toStatus, actor: e.actor, note: e.note, data: e.data, at: e.at.toISOString() })),
        }
      : {}),
  };
}

export const publicComplaintSchema = z.object({
  ticketNo: z.string(),
  category: z.string().nullable(),
  kind: z.string(),
  district: z.string().nullable(),
  text: z.string(),
  replyText: z.string().nullable(),
  acceptedOn: z.string(),
  repliedOn: z.string().nullable(),
});

/** The public page: anonymised text and reply, district-level place only, dates (Shanghai days) not times. */
export function presentPublicComplaint(c: Complaint) {
  return {
    ticketNo: c.ticketNo,
    category: c.category,
    kind: COMPLAINT_KIND_LABELS[c.kind as ComplaintKind] ?? c.kind,
    district: publicPlace(c).district,
    text: anonymiseText(c.text),
    replyText: c.replyText ? anonymiseText(c.replyText) : null,
    acceptedOn: shanghaiDayOf(c.createdAt),
    repliedOn: c.repliedAt ? shanghaiDayOf(c.repliedAt) : null,
  };
}

/** An event to the 12345 platform, for staff (without its payload). */
export function presentOutbox(r: ComplaintOutbox) {
  return {
    id: r.id,
    complaintId: r.complaintId,
    eventType: r.eventType,
    idempotencyKey: r.idempotencyKey,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** What one supervision scan fired: each ticket and the stage (reminder, supervision, escalation). */
export const presentSupervisionRun = (r: SupervisionResult) => ({ fired: r.fired.map((f) => ({ ticketNo: f.ticketNo, type: f.type })) });

/** The answer to the 12345 platform's callback: what was done with it and the ticket's status after. */
export const presentCallbackResult = (r: CallbackResult) => ({
  duplicate: r.duplicate,
  outcome: r.outcome,
  status: r.status,
  ...(r.reason !== undefined ? { reason: r.reason } : {}),
});

/** A new Open311 API key: the only time the key itself is shown. */
export function presentApiKey({ row, key }: { row: ComplaintApiKey; key: string }) {
  return { id: row.id, name: row.name, key, createdAt: row.createdAt.toISOString() };
}

/** 热点 for the staff dashboard: the group's place, category, size, tickets and first words. */
export function presentHotIssue({ rows }: HotIssue) {
  const first = rows[0]!;
  return {
    district: first.district,
    category: first.category,
    count: rows.length,
    ticketNos: rows.map((r) => r.ticketNo),
    sample: first.text.slice(0, 100),
    firstAt: first.createdAt.toISOString(),
    lastAt: rows.at(-1)!.createdAt.toISOString(),
  };
}

/** A category's department: the staff's mapping (`edited`), else the built-in default. */
export function presentComplaintRoute({ category, route, defaultDepartment }: ComplaintRouteEntry) {
  return {
    category,
    department: route?.department ?? defaultDepartment ?? null,
    departmentId: route?.departmentId ?? null,
    edited: Boolean(route),
    updatedBy: route?.updatedBy ?? null,
    updatedAt: route?.updatedAt.toISOString() ?? null,
  };
}

/** Open311 GET services: one service per category; each has a definition (metadata: the kind attribute). */
export const presentOpen311Services = () =>
  Object.entries(SERVICE_CODES).map(([code, name = ""]) => ({
    service_code: code,
    service_name: name,
    description: text("open311.service_description", { name }),
    metadata: true,
    type: "realtime",
    keywords: name,
    group: "12345",
  }));

/** Open311 GET services/{code}: the service definition — its code and the attributes a POST may carry. */
export const presentOpen311ServiceDefinition = (code: string) => ({
  service_code: code,
  attributes: [
    {
      variable: true,
      code: KIND_ATTRIBUTE.code,
      datatype: "singlevaluelist",
      required: false,
      datatype_description: text("open311.kind_datatype_description"),
      order: 1,
      description: text("open311.kind_description"),
      values: KIND_ATTRIBUTE.values.map((key) => ({ key, name: COMPLAINT_KIND_LABELS[key] })),
    },
  ],
});

/** Open311 POST requests: the new request's id — requests are realtime, so no token (the spec gives one or the other). */
export const presentOpen311Created = (c: Complaint) => ({
  service_request_id: c.ticketNo,
  service_notice: text("open311.service_notice"),
  account_id: null,
});

/** Open311 GET tokens/{token}: the request id behind the token the client was given. */
export const presentOpen311Token = (c: Complaint, token: string) => ({ service_request_id: c.ticketNo, token });

/** The Service Discovery document (wiki.open311.org/Service_Discovery): one production GeoReport v2 endpoint. */
export const presentOpen311Discovery = (o: { baseUrl: string; contact: string | undefined; province: string; hotline: string }) => ({
  changeset: SERVICES_CHANGESET,
  contact: o.contact ?? text("open311.discovery_contact", { province: o.province, hotline: o.hotline }),
  key_service: text("open311.discovery_key_service"),
  endpoints: [
    {
      specification: "http://wiki.open311.org/GeoReport_v2",
      url: `${o.baseUrl.replace(/\/+$/, "")}/open311/v2`,
      changeset: SERVICES_CHANGESET,
      type: "production",
      formats: ["text/xml", "application/json"],
    },
  ],
});

/**
 * A service request as GeoReport v2 shows it. The feed is public, so the description is
 * anonymised and the place is the district only, coordinates withheld (`publicPlace`).
 */
export function presentOpen311Request(c: Complaint) {
  const closed = open311StatusOf(c) === "closed";
  const place = publicPlace(c);
  return {
    service_request_id: c.ticketNo,
    status: closed ? "closed" : "open",
    // "Explanation of why status was changed to current state": the answer while it stands;
    // a reopened (重办) request keeps its old replyText, but that answer no longer holds.
    status_notes: closed && c.replyText ? anonymiseText(c.replyText) : COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus],
    service_name: c.category,
    service_code: serviceCodeOf(c.category),
    description: anonymiseText(c.text),
    agency_responsible: c.department,
    service_notice: null,
    requested_datetime: c.createdAt.toISOString(),
    updated_datetime: c.updatedAt.toISOString(),
    expected_datetime: c.replyDueAt?.toISOString() ?? null,
    address: place.district,
    address_id: null,
    zipcode: null,
    lat: place.lat,
    long: place.long,
    media_url: c.mediaUrl,
  };
}
