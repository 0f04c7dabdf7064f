import { z } from "zod";
import { shanghaiDayOf } from "../calendar";
import type { AppContext } from "../platform/context";
import type { ComplaintEvent, ComplaintImage } from "../generated/prisma/client";
import { canTransition, COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "./complaint-status";
import { anonymiseText, publicPlace } from "./place";
import { COMPLAINT_KIND_LABELS, type ComplaintKind } from "./types";
import type { Complaint } from "./workflow/db";

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
