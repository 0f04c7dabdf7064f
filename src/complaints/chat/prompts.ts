import { maskPhone } from "../../platform/privacy";
import { text } from "../texts";
import { COMPLAINT_KIND_LABELS } from "../types";
import type { Draft } from "./dialog";

/** What the dialogue asks at each step, from templates/complaints (`chat.*`). */
export function promptOf(d: Draft): string {
  switch (d.step) {
    case "what":
      return text("chat.ask_what");
    case "where":
      return text("chat.ask_where");
    case "when":
      return text("chat.ask_when");
    case "consent":
      return text("chat.ask_consent");
    case "phone":
      return text("chat.ask_phone");
    case "confirm":
      return summaryOf(d);
    case "field":
      return text("chat.ask_field");
    case "value":
      return text(`chat.ask_field_value.${d.field ?? "text"}`);
  }
}

/** The summary before filing: every field as it will be stored, the phone masked. */
export function summaryOf(d: Draft): string {
  const none = text("chat.unknown_value");
  const contact = !d.consent || !d.phone
    ? text("chat.contact_none")
    : text(d.boundPhone ? "chat.contact_bound" : "chat.contact_phone", { phone: maskPhone(d.phone) });
  return text("chat.summary", {
    kind: COMPLAINT_KIND_LABELS[d.kind],
    text: d.text ?? none,
    address: d.address ?? none,
    when: d.occurredText ?? none,
    contact,
  });
}
