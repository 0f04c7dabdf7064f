import { html } from "../../platform/html";
import { T } from "../texts";
import { layout } from "./layout";

/** The sign-in form; login.js posts it as JSON to POST /api/v1/staff/login and follows `next`. */
export function loginPage(next: string): string {
  const body = html`<section class="card login"><form id="login" method="post" action="/api/v1/staff/login" data-next="${next}">
<label class="field"><span>${T("login.username")}</span><input name="username" autocomplete="username" required></label>
<label class="field"><span>${T("login.password")}</span><input name="password" type="password" autocomplete="current-password" required></label>
<p class="error" role="alert" id="login-error" hidden></p><button type="submit">${T("login.submit")}</button></form></section>`;
  return layout({ title: T("login.title"), viewer: null, body, scripts: ["login.js"] });
}
