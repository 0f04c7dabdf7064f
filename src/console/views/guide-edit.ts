import { html, raw, type Raw } from "../../platform/html";
import { AUDIENCES, DEPTHS, LISTS, TYPES, UNITS, type RowField } from "../guide-form/guide-fields";
import { T } from "../texts";
import { csrfField, layout, type Viewer } from "./layout";

type Values = Record<string, string>;
type Errors = Record<string, string>;

const err = (errors: Errors, name: string) => (errors[name] ? html`<span class="field-error" role="alert">${errors[name]}</span>` : "");
const invalid = (errors: Errors, name: string) => (errors[name] ? raw(' aria-invalid="true"') : "");

function input(name: string, label: string, values: Values, errors: Errors, kind: "text" | "number" | "date" | "textarea" = "text"): Raw {
  const value = values[name] ?? "";
  const control =
    kind === "textarea"
      ? html`<textarea name="${name}" id="f-${name}" rows="3"${invalid(errors, name)}>${value}</textarea>`
      : html`<input name="${name}" id="f-${name}" type="${kind === "number" ? "text" : kind}"${kind === "number" ? raw(' inputmode="decimal"') : ""} value="${value}"${invalid(errors, name)}>`;
  return html`<label class="field" for="f-${name}"><span>${label}</span>${control}${err(errors, name)}</label>`;
}

function select(name: string, label: string, options: readonly string[], values: Values, errors: Errors, optionLabel = (o: string) => o || T("guide.none")): Raw {
  const value = values[name] ?? "";
  return html`<label class="field" for="f-${name}"><span>${label}</span><select name="${name}" id="f-${name}"${invalid(errors, name)}>${options.map(
    (o) => html`<option value="${o}"${o === value ? raw(" selected") : ""}>${optionLabel(o)}</option>`,
  )}</select>${err(errors, name)}</label>`;
}

const yesNo = (o: string) => (o === "true" ? T("guide.yes") : o === "false" ? T("guide.no") : T("guide.none"));

function rowField(list: string, i: number | "__i__", f: RowField, values: Values, errors: Errors): Raw {
  const name = `${list}.${i}.${f.form ?? f.key}`;
  const label = T(`field.${list}.${f.form ?? f.key}`);
  if (f.kind === "select") return select(name, label, f.options!, values, errors, f.key === "required" ? yesNo : undefined);
  return input(name, label, values, errors, f.kind === "textarea" ? "textarea" : f.kind === "number" ? "number" : "text");
}

/** An editable list: the rows it has, one blank row to add without a script, and a template for console.js. */
function listEditor(list: string, values: Values, errors: Errors): Raw {
  const count = Number(values[`${list}.count`] ?? 0);
  const fields = LISTS[list]!;
  const row = (i: number | "__i__") =>
    html`<div class="row" data-row><span class="row-no">${typeof i === "number" ? i + 1 : ""}</span>${fields.map((f) => rowField(list, i, f, values, errors))}<button type="button" class="link danger" data-remove-row hidden>${T("guide.remove_row")}</button></div>`;
  return html`<fieldset class="list" data-list="${list}"><legend>${T(`field.${list}.title`)}</legend>${err(errors, list)}
<div data-rows>${Array.from({ length: count + 1 }, (_, i) => row(i))}</div>
<template>${row("__i__")}</template><button type="button" class="secondary" data-add-row hidden>${T("guide.add_row", { what: T(`field.${list}.title`) })}</button></fieldset>`;
}

/** Every element of the guide on one form; errors are shown beside their fields. */
export function guideEditPage(o: { viewer: Viewer; code: string; revision: number | null; values: Values; errors: Errors; isNew: boolean; message?: string; codeInput?: Raw; title?: string }): string {
  const { values: v, errors: e } = o;
  const body = html`<form method="post" action="${o.isNew ? "/admin/guides/new" : `/admin/guides/${encodeURIComponent(o.code)}/edit`}" class="guide-form" novalidate>
${csrfField(o.viewer)}<input type="hidden" name="revision" value="${o.revision ?? ""}">
${o.message ? html`<p class="error" role="alert">${o.message}</p>` : ""}
<fieldset><legend>${T("guide.section_basic")}</legend>
${o.codeInput ?? html`<p class="muted">${T("label_colon", { label: T("field.code") })}<code>${o.code}</code></p>`}
${input("name", T("field.name"), v, e)}${input("aliases", T("field.aliases"), v, e, "textarea")}
${select("type", T("field.type"), ["", ...TYPES], v, e)}
<div class="field"><span>${T("field.audience")}</span>${AUDIENCES.map(
    (a) => html`<label class="check"><input type="checkbox" name="audience" value="${a}"${(v.audience ?? "").split("\n").includes(a) ? raw(" checked") : ""}> ${a}</label>`,
  )}</div>
${input("region", T("field.region"), v, e)}
${input("authority.name", T("field.authority.name"), v, e)}${input("authority.code", T("field.authority.code"), v, e)}${input("authority.phone", T("field.authority.phone"), v, e)}
</fieldset>
${listEditor("basis", v, e)}
<fieldset><legend>${T("field.conditions")}</legend>${input("conditions", T("guide.one_per_line"), v, e, "textarea")}</fieldset>
${listEditor("materials", v, e)}${listEditor("procedure", v, e)}
<fieldset><legend>${T("field.timeLimit.title")}</legend><div class="grid">
${input("timeLimit.statutory.value", T("field.timeLimit.statutory"), v, e, "number")}${select("timeLimit.statutory.unit", T("field.timeLimit.unit"), ["", ...UNITS], v, e)}
${input("timeLimit.promised.value", T("field.timeLimit.promised"), v, e, "number")}${select("timeLimit.promised.unit", T("field.timeLimit.unit"), ["", ...UNITS], v, e)}
</div>${input("timeLimit.note", T("field.timeLimit.note"), v, e)}</fieldset>
<fieldset><legend>${T("field.fees.title")}</legend>${select("fees.charged", T("field.fees.charged"), ["false", "true"], v, e, yesNo)}</fieldset>
${listEditor("fees.items", v, e)}${listEditor("locations", v, e)}
<fieldset><legend>${T("field.contact.title")}</legend>${input("contact.consult", T("field.contact.consult"), v, e)}${input("contact.complaint", T("field.contact.complaint"), v, e)}</fieldset>
<fieldset><legend>${T("field.online.title")}</legend>${select("online.available", T("field.online.available"), ["", "true", "false"], v, e, yesNo)}
${input("online.url", T("field.online.url"), v, e)}${input("online.visits", T("field.online.visits"), v, e, "number")}${select("online.depth", T("field.online.depth"), ["", ...DEPTHS], v, e)}</fieldset>
${listEditor("faq", v, e)}
<fieldset><legend>${T("field.effective")}</legend><div class="grid">${input("effectiveFrom", T("field.effectiveFrom"), v, e, "date")}${input("effectiveTo", T("field.effectiveTo"), v, e, "date")}</div></fieldset>
<div class="actions sticky"><button type="submit">${T("guide.save")}</button><a href="${o.isNew ? "/admin/guides" : `/admin/guides/${encodeURIComponent(o.code)}`}">${T("cancel")}</a></div>
</form>`;
  return layout({ title: o.title ?? T("guide.edit_title", { code: o.code }), viewer: o.viewer, active: "guides", body });
}
