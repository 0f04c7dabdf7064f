import { citizenPage, langQuery, messagePage, type PageLang } from "../../citizen-web";
import { html, type Raw } from "../../platform/html";
import { formatShanghai } from "../../platform/shanghai-time";
import { hasTemplate } from "../../platform/templates";
import type { presentCitizenComplaint } from "../presenters";
import { text } from "../texts";

type View = ReturnType<typeof presentCitizenComplaint>;
const L = (lang: PageLang, id: string, vars?: Record<string, string | number>) => text(`my.${id}`, vars, lang);
const when = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : "");
/**
 * A status or kind in the page's language (`labels.<group>.<value>` in templates/complaints): the
 * presenter's labels are the staff's Chinese ones. A value the templates lack keeps that label.
 */
const labelIn = (lang: PageLang, group: "status" | "kind", value: string, fallback: string) =>
  hasTemplate("complaints", lang, `labels.${group}.${value}`) ? text(`labels.${group}.${value}`, undefined, lang) : fallback;
const statusOf = (v: { status: string; statusLabel: string }, lang: PageLang) => labelIn(lang, "status", v.status, v.statusLabel);
const kindOf = (v: View, lang: PageLang) => labelIn(lang, "kind", v.kind, v.kindLabel);
const detailHref = (no: string, lang: PageLang) => `/complaints/${encodeURIComponent(no)}${langQuery(lang)}`;

function dueLine(v: View, lang: PageLang, now: Date): Raw | string {
  if (!v.replyDueAt) return "";
  const overdue = new Date(v.replyDueAt) < now;
  return html`<dt>${L(lang, "reply_due")}</dt><dd>${when(v.replyDueAt)}${overdue ? html`<span class="status overdue">${L(lang, "overdue")}</span>` : ""}</dd>`;
}

/** GET /complaints: the signed-in citizen's tickets, newest first. */
export function myComplaintsPage(items: View[], lang: PageLang, now: Date): string {
  const body = items.length
    ? html`<section><ul class="records">${items.map(
        (v) => html`<li><a href="${detailHref(v.ticketNo, lang)}">${v.ticketNo}</a><span class="status">${statusOf(v, lang)}</span>
<div class="note">${kindOf(v, lang)} · ${when(v.createdAt)}</div><dl>${dueLine(v, lang, now)}</dl></li>`,
      )}</ul></section>`
    : html`<section><p>${L(lang, "empty")}</p></section>`;
  return citizenPage({ lang, title: L(lang, "title"), path: "/complaints", body });
}

/** GET /complaints/:ticketNo: one of the citizen's tickets with its deadline, reply and progress. */
export function myComplaintPage(v: View, lang: PageLang, now: Date): string {
  const facts = html`<section><dl>
<dt>${L(lang, "ticket_no")}</dt><dd>${v.ticketNo}</dd>
<dt>${L(lang, "kind")}</dt><dd>${kindOf(v, lang)}</dd>
<dt>${L(lang, "status")}</dt><dd>${statusOf(v, lang)}</dd>
<dt>${L(lang, "filed")}</dt><dd>${when(v.createdAt)}</dd>
${dueLine(v, lang, now)}${v.repliedAt ? html`<dt>${L(lang, "replied")}</dt><dd>${when(v.repliedAt)}</dd>` : ""}
${v.satisfaction ? html`<dt>${L(lang, "satisfaction")}</dt><dd>${v.satisfaction}</dd>` : ""}
</dl></section>`;
  const asked = html`<section><h2>${L(lang, "text")}</h2><p>${v.text}</p>${v.address ? html`<p class="note">${v.address}</p>` : ""}</section>`;
  const reply = html`<section id="reply"><h2>${L(lang, "reply")}</h2>${v.replyText ? html`<div class="reply">${v.replyText}</div>` : html`<p>${L(lang, "no_reply")}</p>`}${
    v.canRate ? html`<p class="note">${L(lang, "rate_hint", { ticketNo: v.ticketNo })}</p>` : ""
  }</section>`;
  const steps = v.timeline?.length
    ? html`<section><h2>${L(lang, "timeline")}</h2><ol class="timeline">${v.timeline.map((s) => html`<li>${statusOf(s, lang)} <span class="note">${when(s.at)}</span></li>`)}</ol></section>`
    : "";
  const back = html`<p><a href="/complaints${langQuery(lang)}">${L(lang, "back")}</a></p>`;
  return citizenPage({ lang, title: L(lang, "detail_title", { ticketNo: v.ticketNo }), path: `/complaints/${encodeURIComponent(v.ticketNo)}`, body: [facts, asked, reply, html`${steps}`, back] });
}

/** Not one of the citizen's tickets — whether it exists at all is not theirs to learn. */
export function myComplaintNotFoundPage(lang: PageLang, path: string): string {
  return messagePage({ lang, path, title: L(lang, "not_found_title"), text: L(lang, "not_found_text"), link: { href: `/complaints${langQuery(lang)}`, text: L(lang, "back") } });
}
