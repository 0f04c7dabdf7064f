import { html, raw, type Raw } from "../../platform/html";
import { T } from "../texts";

/** Who is looking, as the pages need it: the nav shows what the role may open. */
export interface Viewer {
  username: string;
  role: string;
  department: string | null;
  /** The session's CSRF token for forms (empty: console.js fills it from /api/v1/staff/me). */
  csrf: string;
}

const NAV: { href: string; id: string; roles: readonly string[] }[] = [
  { href: "/admin", id: "dashboard", roles: ["administrator", "editor", "reviewer", "dispatcher", "handler", "supervisor"] },
  { href: "/admin/guides", id: "guides", roles: ["administrator", "editor", "reviewer", "supervisor"] },
  { href: "/admin/gaps", id: "gaps", roles: ["administrator", "editor", "reviewer", "supervisor"] },
  { href: "/admin/complaints", id: "complaints", roles: ["administrator", "dispatcher", "handler", "supervisor"] },
  { href: "/admin/applications", id: "applications", roles: ["administrator", "handler", "supervisor"] },
  { href: "/admin/accounts", id: "accounts", roles: ["administrator"] },
  { href: "/admin/audit", id: "audit", roles: ["administrator", "supervisor"] },
];

/** The words console.js writes itself (countdowns), from the templates like every other text. */
const WORDS = () => ({ left: T("countdown.left", { span: "{span}" }), over: T("countdown.over", { span: "{span}" }), dh: T("countdown.days_hours", { d: "{d}", h: "{h}" }), hm: T("countdown.hours_minutes", { h: "{h}", m: "{m}" }), m: T("countdown.minutes", { m: "{m}" }), failed: T("login.failed") });

export const canOpen = (href: string, role: string) => NAV.find((n) => n.href === href)?.roles.includes(role) ?? false;

/** The hidden CSRF field every form carries (state changes are refused without it). */
export const csrfField = (v: Viewer) => html`<input type="hidden" name="_csrf" value="${v.csrf}">`;

/** One console page: our stylesheet and script only (the CSP forbids inline script). */
export function layout(o: { title: string; viewer: Viewer | null; active?: string; body: Raw | Raw[]; scripts?: string[]; flash?: string }): string {
  const v = o.viewer;
  const nav = v
    ? html`<nav class="side">${NAV.filter((n) => n.roles.includes(v.role)).map(
        (n) => html`<a href="${n.href}"${n.id === o.active ? raw(' class="on" aria-current="page"') : ""}>${T(`nav.${n.id}`)}</a>`,
      )}</nav>`
    : "";
  const who = v
    ? html`<div class="who"><span>${v.username}</span><span class="tag">${T(`roles.${v.role}`)}</span>${v.department ? html`<span class="tag">${v.department}</span>` : ""}<a href="/admin/password">${T("password.link")}</a><form method="post" action="/api/v1/staff/logout" class="inline" data-logout>${csrfField(v)}<button type="submit" class="link">${T("logout")}</button></form></div>`
    : "";
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${o.title} - ${T("app_name")}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/admin/assets/console.css">
<script src="/admin/assets/console.js" defer></script>${(o.scripts ?? []).map((s) => html`<script src="/admin/assets/${s}" defer></script>`)}</head>
<body data-words="${JSON.stringify(WORDS())}"><header class="bar"><a class="brand" href="/admin">${T("app_name")}</a>${who}</header>
<div class="frame">${nav}<main><h1>${o.title}</h1>${o.flash ? html`<p class="flash" role="status">${o.flash}</p>` : ""}${o.body}</main></div></body></html>`.html;
}

/** An error as a page (a refused role, a record of another department, a stale form). */
export function errorPage(viewer: Viewer | null, status: number, message: string): string {
  return layout({ title: T(`errors.status_${status}`, {}) , viewer, body: html`<section class="card"><p class="error">${message}</p><p><a href="/admin">${T("back_home")}</a></p></section>` });
}
