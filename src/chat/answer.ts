import type { Reply } from "./types";
import { guideLink, type ChatDeps } from "./deps";
import { fit, renderAnswer, t, type Lang } from "./render";
import type { Session } from "./session";
import type { Decision } from "./understand";
import { refineAspect } from "./refine";

/** Turn a decision into the reply, and note in the session what the citizen now sees. */
export async function answer(deps: ChatDeps, d: Decision, question: string, lang: Lang, session: Session): Promise<Reply> {
  const hotline = deps.config.HOTLINE;
  if (d.kind === "answer") {
    if (d.lowConfidence) await deps.questionLog.record({ question, outcome: "low_confidence", lang, bestCode: d.code });
    // Counted per item for the guide index's "most asked" (the answer cache replays it too).
    await deps.questionLog.record({ question, outcome: "answered", lang, bestCode: d.code });
    session.candidates = undefined;
    session.pendingAspect = undefined;
    const link = guideLink(deps.config, d.code, lang);
    const guide = await deps.catalog.getGuide(d.code);
    if (guide) {
      const aspect = d.match ? refineAspect(guide, d.match, d.concepts ?? [], d.question ?? question) : d.aspect;
      session.aspect = aspect;
      session.itemCode = guide.code;
      session.itemName = guide.name;
      // The runner-up in one line ("您是否要办理：…"); "1" then picks it with the same aspect.
      const alt = d.alternative && d.alternative.code !== guide.code ? d.alternative : undefined;
      if (alt) {
        session.candidates = [alt];
        session.pendingAspect = aspect;
      }
      const also = d.match?.also;
      const text = renderAnswer(guide, aspect, { lang, link, hotline, question, alternative: alt?.name, ...(also ? { also } : {}) });
      return { kind: "text", text, itemCode: guide.code, aspect, candidates: alt ? [alt] : [], link };
    }
    session.aspect = d.aspect;
    // Catalog-only item: who handles it, and honestly that no detailed guide exists yet.
    const item = (await deps.catalog.getSearchItem?.(d.code)) ?? deps.search.get(d.code);
    if (!item) return notFound(deps, question, lang, [], session);
    session.itemCode = item.code;
    session.itemName = item.name;
    const text = t(lang, "catalog_only", { name: item.name, department: item.department, hotline });
    return { kind: "text", text, itemCode: item.code, aspect: d.aspect, candidates: [], link: null };
  }
  if (d.kind === "choose") {
    if (d.lowConfidence) await deps.questionLog.record({ question, outcome: "low_confidence", lang, bestCode: d.candidates[0]?.code });
    session.candidates = d.candidates;
    session.pendingAspect = d.aspect;
    const lines = [
      t(lang, "choose"),
      ...d.candidates.map((c, i) => t(lang, "choose_item", { n: i + 1, name: c.name })),
      t(lang, "choose_hint", { numbers: d.candidates.map((_, i) => i + 1).join("/") }),
    ];
    return { kind: "text", text: fit(lines, "", { lang }).trimEnd(), itemCode: null, aspect: d.aspect, candidates: d.candidates, link: null };
  }
  await deps.questionLog.record({ question, outcome: "not_found", lang, bestCode: d.bestCode });
  return notFound(deps, question, lang, d.suggestions, session);
}

function notFound(deps: ChatDeps, question: string, lang: Lang, suggestions: { code: string; name: string }[], session: Session): Reply {
  const hotline = deps.config.HOTLINE;
  session.candidates = suggestions.length ? suggestions : undefined;
  session.pendingAspect = undefined;
  const lines = [t(lang, "not_found", { question: question.slice(0, 60) })];
  if (suggestions.length) {
    lines.push(t(lang, "suggest"), ...suggestions.map((c, i) => t(lang, "choose_item", { n: i + 1, name: c.name })));
    lines.push(t(lang, "choose_hint", { numbers: suggestions.map((_, i) => i + 1).join("/") }));
  }
  lines.push(t(lang, "not_found_help", { hotline }));
  return { kind: "text", text: fit(lines, "", { lang }).trimEnd(), itemCode: null, aspect: null, candidates: suggestions, link: null };
}
