import { html } from "../../platform/html";
import { T } from "../texts";
import { guideEditPage } from "./guide-edit";
import type { Viewer } from "./layout";

/** A new item: the guide form, asking for the item's code (and remembering the knowledge gap it came from). */
export function newItemPage(o: { viewer: Viewer; code: string; values: Record<string, string>; errors: Record<string, string>; from?: string; message?: string }): string {
  const codeInput = html`<label class="field" for="f-code"><span>${T("field.code")}</span><input name="code" id="f-code" value="${o.code}" required${
    o.errors.code ? html` aria-invalid="true"` : ""
  }>${o.errors.code ? html`<span class="field-error" role="alert">${o.errors.code}</span>` : ""}</label>${o.from ? html`<input type="hidden" name="from" value="${o.from}">` : ""}`;
  return guideEditPage({ viewer: o.viewer, code: o.code, revision: null, values: o.values, errors: o.errors, isNew: true, message: o.message, codeInput, title: T("guide.new_item") });
}
