import { html } from "../../platform/html";
import { T } from "../texts";
import { csrfField, layout, type Viewer } from "./layout";

/** 修改密码: the old password, the new one twice; an error is shown above the form, which starts empty again. */
export function passwordPage(o: { viewer: Viewer; min: number; max: number; error?: string; flash?: string }): string {
  const field = (name: string, label: string, autocomplete: string) =>
    html`<label class="field"><span>${label}</span><input name="${name}" type="password" autocomplete="${autocomplete}" required maxlength="${o.max}"></label>`;
  const body = html`<section class="card login"><form id="password" method="post" action="/admin/password">${csrfField(o.viewer)}
${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ""}
${field("oldPassword", T("password.old"), "current-password")}
${field("newPassword", T("password.new"), "new-password")}
${field("newPassword2", T("password.again"), "new-password")}
<p class="muted">${T("password.rule", { min: o.min })}</p><button type="submit">${T("password.submit")}</button></form></section>`;
  return layout({ title: T("password.title"), viewer: o.viewer, body, flash: o.flash });
}
