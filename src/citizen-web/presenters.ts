import { html, raw, type Raw } from "../platform/html";
import { t, type TemplateVars } from "../platform/templates";

/** Languages of the citizens' pages; a label missing in bo falls back to zh (platform/templates). */
export type PageLang = "zh" | "bo";
export const pageLang = (v: unknown): PageLang => (v === "bo" ? "bo" : "zh");
/** `?lang=` for a link: nothing for Chinese (the default). */
export const langQuery = (lang: PageLang): string => (lang === "zh" ? "" : "?lang=bo");

/** A label from templates/citizen-web/<lang>.yaml. */
export const webText = (lang: PageLang, id: string, vars?: TemplateVars): string => t("citizen-web", lang, id, vars);

// Mobile first (WeChat's in-app browser), inline CSS only: the CSP allows no inline script.
const css = `*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei","Noto Sans Tibetan",sans-serif;color:#1f2328;background:#f5f6f8}
header.top{background:#c8102e;color:#fff;padding:16px 12px}header.top h1{margin:0;font-size:20px}
nav.langs{font-size:14px;text-align:right}nav.langs a{color:#fff}
main{max-width:720px;margin:0 auto;padding:12px}
section,article{background:#fff;border-radius:8px;padding:12px 14px;margin:10px 0}
h2{font-size:17px;margin:0 0 8px}
ul.records{list-style:none;margin:0;padding:0}ul.records li{padding:10px 0;border-bottom:1px solid #eee}
ul.records a{font-weight:600}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:4px 12px}dt{color:#59636e}dd{margin:0}
.status{display:inline-block;font-size:13px;padding:0 8px;border-radius:10px;background:#eef1f4;margin-left:6px}
.overdue{background:#fde8eb;color:#c8102e}
.note{color:#59636e;font-size:14px}.reply{background:#f5f7fa;padding:8px;border-radius:6px;white-space:pre-wrap}
ol.timeline{padding-left:20px;margin:0}
a{color:#0b5cad}`;

const langAttr = (lang: PageLang) => (lang === "bo" ? "bo" : "zh-CN");

/** "中文 | བོད་ཡིག" for the current path. */
function langSwitch(lang: PageLang, path: string): Raw {
  const link = (l: PageLang) =>
    l === lang ? html`<strong aria-current="true">${webText(l, "language_name")}</strong>` : html`<a href="${path}${langQuery(l)}" hreflang="${langAttr(l)}">${webText(l, "language_name")}</a>`;
  return html`<nav class="langs" aria-label="${webText(lang, "language_switch")}">${link("zh")} | ${link("bo")}</nav>`;
}

/** A citizen's page: header with the language switch (to `path` in the other language; none without a path), then the body. */
export function citizenPage(o: { lang: PageLang; title: string; path?: string | undefined; body: Raw | Raw[] }): string {
  return html`<!doctype html>
<html lang="${langAttr(o.lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<meta name="format-detection" content="telephone=no"><meta name="referrer" content="same-origin">
<title>${o.title}</title><link rel="icon" href="data:,"><style>${raw(css)}</style></head>
<body><header class="top">${o.path ? langSwitch(o.lang, o.path) : ""}<h1>${o.title}</h1></header><main>${o.body}</main></body></html>`.html;
}

/** A page that only says something (sign-in refused, not configured, not found). */
export function messagePage(o: { lang: PageLang; title: string; text: string; path?: string | undefined; link?: { href: string; text: string } }): string {
  return citizenPage({
    lang: o.lang,
    title: o.title,
    path: o.path,
    body: html`<section><p>${o.text}</p>${o.link ? html`<p><a href="${o.link.href}">${o.link.text}</a></p>` : ""}</section>`,
  });
}

/** The callback's refusal (zh only: the callback's URL cannot be opened again to switch language). */
export function signInFailedPage(text: string, returnTo = "/complaints"): string {
  return messagePage({ lang: "zh", title: webText("zh", "sign_in_failed_title"), text, link: { href: returnTo, text: webText("zh", "sign_in_again") } });
}

/** A citizen's page asked for where WeChat is not configured: what to do instead. */
export function notConfiguredPage(lang: PageLang, path: string, hotline: string): string {
  return messagePage({ lang, path, title: webText(lang, "not_configured_title"), text: webText(lang, "not_configured_text", { hotline }) });
}
