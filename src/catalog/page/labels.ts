import { t, type TemplateVars } from "../../platform/templates";
import type { Lang } from "../translate";

/** Page labels from templates/catalog/<lang>.yaml (src/platform/templates: falls back to zh). */
export const label = (lang: Lang, id: string, vars?: TemplateVars): string => t("catalog", lang, `page.${id}`, vars);

/** "地址：…": a label and its value, joined as the language writes it (templates: page.field). */
export const field = (lang: Lang, name: string, value: string): string => label(lang, "field", { name, value });
