import type { Guide } from "../guide-schema";
import type { Lang } from "../translate";
import { html, safeHref, type Raw } from "../../platform/html";
import { field, label as L } from "./labels";
import { timeLimitText, yuanText } from "./format";

/** The sections of a guide page, in the order of the 办事指南 elements. */
export function guideSections(g: Guide, lang: Lang): Raw[] {
  return [overview(g, lang), basis(g, lang), conditions(g, lang), materials(g, lang), procedure(g, lang), timeLimit(g, lang), fees(g, lang), locations(g, lang), contact(g, lang), online(g, lang), faq(g, lang), effective(g, lang)].filter(
    (s): s is Raw => s !== null,
  );
}

const section = (id: string, title: string, body: Raw) => html`<section id="${id}"><h2>${title}</h2>${body}</section>`;

function overview(g: Guide, lang: Lang): Raw {
  return section(
    "overview",
    L(lang, "authority"),
    html`<dl>
<dt>${L(lang, "authority")}</dt><dd>${g.authority.name}${g.authority.phone ? html` <a href="tel:${g.authority.phone}">${g.authority.phone}</a>` : ""}</dd>
<dt>${L(lang, "type")}</dt><dd>${g.type}</dd>
${g.audience.length ? html`<dt>${L(lang, "audience")}</dt><dd>${g.audience.join(L(lang, "list_separator"))}</dd>` : ""}
<dt>${L(lang, "code")}</dt><dd>${g.code}</dd>
${g.region ? html`<dt>${L(lang, "region")}</dt><dd>${g.region}</dd>` : ""}
</dl>`,
  );
}

function basis(g: Guide, lang: Lang): Raw {
  const items = g.basis.map(
    (b) => html`<li><strong>${b.title}</strong>${b.docNo ? L(lang, "doc_no", { docNo: b.docNo }) : ""}${b.article ? html` ${b.article}` : ""}${b.text ? html`<div class="note">${b.text}</div>` : ""}</li>`,
  );
  return section("basis", L(lang, "basis"), html`<ul>${items}</ul>`);
}

function conditions(g: Guide, lang: Lang): Raw | null {
  if (!g.conditions.length) return null;
  return section("conditions", L(lang, "conditions"), html`<ul>${g.conditions.map((c) => html`<li>${c}</li>`)}</ul>`);
}

function materials(g: Guide, lang: Lang): Raw | null {
  if (!g.materials.length) return null;
  const items = g.materials.map(
    (m) => html`<li>${m.name}<span class="tag${m.required ? " req" : ""}">${L(lang, m.required ? "material_required" : "material_optional")}</span>${
      m.form ? html`<span class="tag">${m.form}</span>` : ""
    }${m.copies ? html`<span class="tag">${L(lang, "material_copies", { copies: m.copies })}</span>` : ""}${m.note ? html`<div class="note">${m.note}</div>` : ""}</li>`,
  );
  return section("materials", L(lang, "materials"), html`<ul class="checklist">${items}</ul>`);
}

function procedure(g: Guide, lang: Lang): Raw {
  const steps = g.procedure.map(
    (p) => html`<li><strong>${p.step}</strong>${p.days !== undefined ? html`<span class="tag">${L(lang, "step_days", { days: p.days })}</span>` : ""}${
      p.description ? html`<div>${p.description}</div>` : ""
    }</li>`,
  );
  return section("procedure", L(lang, "procedure"), html`<ol>${steps}</ol>`);
}

function timeLimit(g: Guide, lang: Lang): Raw {
  return section("time-limit", L(lang, "time_limit"), html`<p>${timeLimitText(g, lang)}</p>${g.timeLimit.note ? html`<p class="note">${g.timeLimit.note}</p>` : ""}`);
}

function fees(g: Guide, lang: Lang): Raw {
  if (!g.fees.charged) return section("fees", L(lang, "fees"), html`<p>${L(lang, "free")}</p>`);
  const items = g.fees.items.map(
    (f) => html`<li>${field(lang, f.name, f.amountFen !== undefined ? yuanText(f.amountFen, lang) : (f.amountText ?? ""))}${
      f.basis ? html`<div class="note">${field(lang, L(lang, "fee_basis"), f.basis)}</div>` : ""
    }</li>`,
  );
  return section("fees", L(lang, "fees"), html`<ul>${items}</ul>`);
}

function locations(g: Guide, lang: Lang): Raw | null {
  if (!g.locations.length) return null;
  const items = g.locations.map(
    (l) => html`<li><strong>${l.name}</strong>${l.window ? html`<div>${field(lang, L(lang, "window"), l.window)}</div>` : ""}${
      l.address ? html`<div>${field(lang, L(lang, "address"), l.address)}</div>` : ""
    }${l.hours ? html`<div>${field(lang, L(lang, "hours"), l.hours)}</div>` : ""}</li>`,
  );
  return section("locations", L(lang, "locations"), html`<ul>${items}</ul>`);
}

function contact(g: Guide, lang: Lang): Raw | null {
  const c = g.contact;
  if (!c?.consult && !c?.complaint) return null;
  const tel = (n: string) => html`<a href="tel:${n}">${n}</a>`;
  return section(
    "contact",
    L(lang, "contact"),
    html`<dl>${c.consult ? html`<dt>${L(lang, "consult")}</dt><dd>${tel(c.consult)}</dd>` : ""}${
      c.complaint ? html`<dt>${L(lang, "complaint")}</dt><dd>${tel(c.complaint)}</dd>` : ""
    }</dl>`,
  );
}

function online(g: Guide, lang: Lang): Raw | null {
  const o = g.online;
  if (!o) return null;
  const visits = o.visits === undefined ? "" : o.visits === 0 ? L(lang, "visits_zero") : L(lang, "visits_n", { visits: o.visits });
  return section(
    "online",
    L(lang, "online"),
    html`<dl><dt>${L(lang, "online")}</dt><dd>${L(lang, o.available ? "online_yes" : "online_no")}</dd>${
      o.depth ? html`<dt>${L(lang, "online_depth")}</dt><dd>${o.depth}</dd>` : ""
    }${o.url ? html`<dt>${L(lang, "online_link")}</dt><dd>${safeHref(o.url) ? html`<a href="${safeHref(o.url)}" rel="noopener">${o.url}</a>` : o.url}</dd>` : ""}${
      visits ? html`<dt>${L(lang, "visits")}</dt><dd>${visits}</dd>` : ""
    }</dl>`,
  );
}

function faq(g: Guide, lang: Lang): Raw | null {
  if (!g.faq.length) return null;
  return section("faq", L(lang, "faq"), html`<dl class="faq">${g.faq.map((f) => html`<dt>${f.q}</dt><dd>${f.a}</dd>`)}</dl>`);
}

function effective(g: Guide, lang: Lang): Raw | null {
  if (!g.effectiveFrom) return null;
  const text = g.effectiveTo ? L(lang, "effective_range", { from: g.effectiveFrom, to: g.effectiveTo }) : L(lang, "effective_from", { from: g.effectiveFrom });
  return section("effective", L(lang, "effective"), html`<p>${text}</p>`);
}
