import type { Guide } from "./guide-schema";
import { languages } from "./guide-schema";

export type Lang = "zh" | (typeof languages)[number];
export const supportedLangs: readonly Lang[] = ["zh", ...languages];

/**
 * The guide in `lang`: each translatable field (name, aliases, conditions, procedure steps and
 * descriptions, material names, FAQ) comes from `translations[lang]` when present there and
 * stays Chinese otherwise — a partial translation never hides a Chinese fact.
 * Returns the guide and the list of fields that were translated.
 */
export function translateGuide(guide: Guide, lang: Lang): { guide: Guide; translated: string[] } {
  if (lang === "zh") return { guide, translated: [] };
  const tr = guide.translations?.[lang];
  if (!tr) return { guide, translated: [] };
  const translated: string[] = [];
  const pick = <T>(field: string, value: T | undefined, fallback: T): T => {
    const has = Array.isArray(value) ? value.length > 0 : value !== undefined;
    if (has) translated.push(field);
    return has ? (value as T) : fallback;
  };
  const out: Guide = {
    ...guide,
    name: pick("name", tr.name, guide.name),
    aliases: pick("aliases", tr.aliases, guide.aliases),
    conditions: pick("conditions", tr.conditions, guide.conditions),
    faq: pick("faq", tr.faq, guide.faq),
    procedure: guide.procedure.map((p, i) => ({
      ...p,
      step: tr.procedure?.[i]?.step ?? p.step,
      description: tr.procedure?.[i]?.description ?? p.description,
    })),
    materials: guide.materials.map((m, i) => ({ ...m, name: tr.materials?.[i]?.name ?? m.name })),
  };
  if (tr.procedure?.length) translated.push("procedure");
  if (tr.materials?.length) translated.push("materials");
  return { guide: out, translated };
}

export function parseLang(v: string | undefined): Lang {
  return (supportedLangs as readonly string[]).includes(v ?? "") ? (v as Lang) : "zh";
}
