import { normalize, words } from "../search";
import type { PublishedGuide } from "./ports";
import { detail, t, type Lang } from "./texts";

type Step = PublishedGuide["procedure"][number];

/**
 * "公示要几天", "现场查验要多久": the step of the procedure a time question names, when that step
 * states its own duration (`days`, or a number in its description). A word names a step when
 * exactly one step uses it and the item's name does not (审核 in 审核确认 names nothing); a step's
 * own name wins over a word of another step's description.
 */
export function askedStep(g: PublishedGuide, question: string): Step | undefined {
  const name = normalize(g.name);
  // ("审核那一步要多少天" names the step all the same)
  const namesStep = /[那这]一?步|环节/.test(question);
  const asked = words(normalize(question)).filter((w) => [...w].length >= 2 && !name.includes(w) && (namesStep || !EVERY_ITEM.test(w)));
  const timed = (p: Step) => p.days !== undefined || /\d/.test(p.description ?? "");
  const byName = g.procedure.find((p) => timed(p) && asked.some((w) => p.step.includes(w)));
  if (byName) return byName;
  for (const w of asked) {
    const holders = g.procedure.filter((p) => `${p.step}${p.description ?? ""}`.includes(w));
    if (holders.length === 1 && timed(holders[0]!)) return holders[0];
  }
  return undefined;
}

/** Steps every item has ("申请了几天能批", "多久发证"): asking their time asks the time limit. */
const EVERY_ITEM = /^(申请|受理|审核|审批|审查|决定|发证|领证|办结|批准|提交|领取|办理)$/;

/** "现场查验：核实……7个工作日内完成" (the step's days added when its description does not say them). */
export function stepDuration(p: Step, lang: Lang): string {
  const desc = p.description ?? "";
  const days = p.days !== undefined && lang === "zh" && !desc.includes(String(p.days)) ? t(lang, "value.step_days", { value: p.days }) : "";
  return `${detail(lang, p.step, desc)}${days}`;
}
