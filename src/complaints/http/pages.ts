import { text } from "../texts";
import type { presentCitizenComplaint, presentPublicComplaint } from "../presenters";
import { SATISFACTION_LEVELS } from "../types";
import { esc } from "../../platform/html";

const layout = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><link rel="icon" href="data:,">
<style>body{font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:720px;padding:12px;color:#222}
article{border-bottom:1px solid #ddd;padding:12px 0}h1{font-size:20px}.meta{color:#666;font-size:14px}.reply{background:#f5f7fa;padding:8px;border-radius:6px}
button{display:block;width:100%;margin:8px 0;padding:12px;font-size:16px}</style></head><body>${body}</body></html>`;

/** The public list (mobile first): anonymised text and reply, district-level place. */
export function publicPage(items: ReturnType<typeof presentPublicComplaint>[]): string {
  const list = items.length
    ? items
        .map(
          (i) => `<article><div class="meta">${esc(i.acceptedOn)} · ${esc(i.kind)}${i.category ? ` · ${esc(i.category)}` : ""}${i.district ? ` · ${esc(i.district)}` : ""}</div>
<p>${esc(i.text)}</p>${i.replyText ? `<div class="reply"><b>${esc(text("public.reply"))}</b>${esc(i.replyText)}</div>` : ""}</article>`,
        )
        .join("\n")
    : `<p>${esc(text("public.empty"))}</p>`;
  return layout(text("public.title"), `<h1>${esc(text("public.title"))}</h1>\n${list}`);
}

/** What the rating page shows of a ticket: the citizen's view (presenters.ts). */
type RatingView = Pick<ReturnType<typeof presentCitizenComplaint>, "ticketNo" | "replyText" | "satisfaction" | "canRate">;

/** The rating page of the link sent with a reply: five buttons, or the rating already given. */
export function ratingPage(c: RatingView, token: string): string {
  const head = `<h1>${esc(text("rate.title", { ticketNo: c.ticketNo }))}</h1>${c.replyText ? `<div class="reply">${esc(c.replyText)}</div>` : ""}`;
  if (c.satisfaction) return layout(text("rate.done_title"), `${head}<p>${esc(text("rate.done", { satisfaction: c.satisfaction }))}</p>`);
  if (!c.canRate) return layout(text("rate.done_title"), `${head}<p>${esc(text("rate.not_ready"))}</p>`);
  const buttons = SATISFACTION_LEVELS.map((s) => `<button name="satisfaction" value="${esc(s)}">${esc(s)}</button>`).join("");
  return layout(text("rate.title", { ticketNo: c.ticketNo }), `${head}<form method="post"><input type="hidden" name="t" value="${esc(token)}">${buttons}</form>`);
}
