import { html } from "../../platform/html";
import { type FieldChange } from "../../catalog";
import { T } from "../texts";
import { showValue } from "./format";
import { fenToYuan } from "../guide-form/form-values";

/** "materials.2.name" → "申请材料 › 第3项 › 名称": the path of a change in the form's own words. */
export function pathLabel(path: string): string {
  const parts = path.split(".");
  const out: string[] = [];
  let scope = "";
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (/^\d+$/.test(p)) {
      out.push(T("diff.item_n", { n: Number(p) + 1 }));
      continue;
    }
    scope = scope ? `${scope}.${p}` : p;
    out.push(label(scope, p));
  }
  return out.join(" › ");
}

function label(scope: string, key: string): string {
  for (const id of [`field.${scope}.title`, `field.${scope}`, `field.${key}`]) {
    try {
      return T(id);
    } catch {
      /* not every key has a label: fall through to the next, then the key itself */
    }
  }
  return key;
}

/** A whole added or removed element (a material, a step) as "材料名称：…；材料形式：…", in the form's words. */
function valueText(path: string, v: unknown): string {
  // Money is stored in fen; staff read and type yuan.
  if (path.endsWith(".amountFen") && typeof v === "number") return fenToYuan(v);
  if (!v || typeof v !== "object" || Array.isArray(v)) return showValue(v);
  const scope = path.split(".").filter((p) => !/^\d+$/.test(p)).join(".");
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => T("diff.field_value", { field: label(scope ? `${scope}.${k}` : k, k), value: k === "amountFen" && typeof x === "number" ? fenToYuan(x) : showValue(x) }))
    .join(T("diff.field_separator"));
}

const kindOf = (c: FieldChange) => (c.before === undefined ? "added" : c.after === undefined ? "removed" : "changed");

/** A field-level diff: one row per changed field, before and after side by side. */
export function diffTable(changes: FieldChange[]) {
  if (!changes.length) return html`<p class="muted">${T("diff.none")}</p>`;
  return html`<p class="muted" id="diff-count">${T("diff.count", { n: changes.length })}</p><div class="table-wrap"><table class="diff"><thead><tr><th>${T("diff.field")}</th><th>${T("diff.kind")}</th><th>${T("diff.before")}</th><th>${T("diff.after")}</th></tr></thead><tbody>${changes.map(
    (c) => html`<tr class="diff-${kindOf(c)}" data-path="${c.path}"><td>${pathLabel(c.path)}</td><td><span class="tag">${T(`diff.${kindOf(c)}`)}</span></td><td><del>${valueText(c.path, c.before)}</del></td><td><ins>${valueText(c.path, c.after)}</ins></td></tr>`,
  )}</tbody></table></div>`;
}
