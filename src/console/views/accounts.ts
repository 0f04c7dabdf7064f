import { html } from "../../platform/html";
import { ROLES } from "../../staff";
import { T } from "../texts";
import { layout, type Viewer } from "./layout";

/**
 * Staff accounts, through the staff capability's own API (GET/POST/PATCH /api/v1/admin/accounts):
 * accounts.js lists them and sends the changes with the session's CSRF token. The labels it
 * shows come from this page's data attributes (texts stay in templates/).
 */
export function accountsPage(o: { viewer: Viewer }): string {
  const labels = Object.fromEntries([
    ...ROLES.map((r) => [`role_${r}`, T(`roles.${r}`)]),
    ["disable", T("accounts.disable")], ["enable", T("accounts.enable")], ["disabled", T("accounts.disabled")], ["active", T("accounts.active")],
    ["locked", T("accounts.locked")], ["save", T("accounts.save")], ["created", T("accounts.created")], ["failed", T("accounts.failed")],
    ["new_password", T("accounts.new_password")], ["reset", T("accounts.reset")], ["reset_done", T("accounts.reset_done", { username: "{username}" })],
  ]);
  const body = html`<section class="card"><h2>${T("accounts.create")}</h2><form id="account-create" class="grid">
<label class="field"><span>${T("accounts.username")}</span><input name="username" required maxlength="32"></label>
<label class="field"><span>${T("accounts.password")}</span><input name="password" type="password" required autocomplete="new-password"></label>
<label class="field"><span>${T("accounts.role")}</span><select name="role">${ROLES.map((r) => html`<option value="${r}">${T(`roles.${r}`)}</option>`)}</select></label>
<label class="field"><span>${T("accounts.department")}</span><input name="department" maxlength="100"></label>
<div class="actions"><button type="submit">${T("accounts.create")}</button></div></form><p id="account-message" role="status"></p></section>
<section class="card"><div class="table-wrap"><table id="accounts" data-labels="${JSON.stringify(labels)}" data-roles="${ROLES.join(",")}"><thead><tr><th>${T("accounts.username")}</th><th>${T("accounts.role")}</th><th>${T("accounts.department")}</th><th>${T("accounts.state")}</th><th></th></tr></thead><tbody></tbody></table></div></section>`;
  return layout({ title: T("nav.accounts"), viewer: o.viewer, active: "accounts", body, scripts: ["accounts.js"] });
}
