import { supportedLangs, type Lang } from "../translate";
import { html, raw, type Raw } from "../../platform/html";
import { label as L } from "./labels";
import { pageCss } from "./styles";

/**
 * The pages' only script, a file of our own so the CSP allows no inline script: the print
 * button, and the way back to the assistant. The pages are opened from the Official Account
 * (menu, answers), so in WeChat's browser closing the page returns to the conversation —
 * WeixinJSBridge's `closeWindow`, which needs no JS-SDK signature. The bridge may be injected
 * after the page loads (`WeixinJSBridgeReady`); elsewhere the link stays hidden and the hint says
 * where to ask.
 */
export const PRINT_SCRIPT = "/assets/print.js";
export const printScript = `document.querySelectorAll("[data-print]").forEach((b) => b.addEventListener("click", () => window.print()));
(() => {
  const offer = () => document.querySelectorAll("[data-close-webview]").forEach((p) => {
    p.hidden = false;
    p.querySelector("a").addEventListener("click", (e) => { e.preventDefault(); window.WeixinJSBridge.call("closeWindow"); });
  });
  if (window.WeixinJSBridge) offer(); else document.addEventListener("WeixinJSBridgeReady", offer, { once: true });
})();
`;

const langAttr: Record<Lang, string> = { zh: "zh-CN", bo: "bo", mn: "mn", en: "en" };

/** Languages the page labels exist in (templates/catalog/<lang>.yaml): the switch offers these. */
export const pageLangs: readonly Lang[] = supportedLangs.filter((l) => l === "zh" || l === "bo");

export function layout(lang: Lang, title: string, header: Raw, body: Raw | Raw[]): string {
  return html`<!doctype html>
<html lang="${langAttr[lang]}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<meta name="format-detection" content="telephone=no">
<title>${title}</title><link rel="icon" href="data:,"><style>${raw(pageCss)}</style><script src="${PRINT_SCRIPT}" defer></script></head>
<body><header class="top">${header}</header><main>${body}</main></body></html>`.html;
}

/** "中文 | བོད་ཡིག" — links to the same page in each language; the current one is not a link. */
export function langSwitch(lang: Lang, hrefOf: (l: Lang) => string): Raw {
  const links = pageLangs.map((l) =>
    l === lang ? html`<strong aria-current="true" lang="${langAttr[l]}">${L(l, "language_name")}</strong>` : html`<a href="${hrefOf(l)}" lang="${langAttr[l]}" hreflang="${langAttr[l]}">${L(l, "language_name")}</a>`,
  );
  return html`<nav class="langs" aria-label="${L(lang, "language_switch")}">${links.flatMap((x, i) => (i ? [raw(" | "), x] : [x]))}</nav>`;
}

/** How to ask the assistant, and in WeChat's browser a link back to the conversation (see printScript). */
export function assistantHint(lang: Lang): Raw {
  return html`<section class="ask" id="ask"><h2>${L(lang, "ask_title")}</h2><p>${L(lang, "ask_text")}</p><p data-close-webview hidden><a href="#ask">${L(lang, "ask_back")}</a></p></section>`;
}

/** `?lang=` for a link: nothing for Chinese (the default). */
export const langQuery = (lang: Lang, sep: "?" | "&" = "?"): string => (lang === "zh" ? "" : `${sep}lang=${lang}`);
