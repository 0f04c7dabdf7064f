import { t, type TemplateVars } from "../platform/templates";

/** A text from templates/applications/<lang>.yaml (zh unless the citizen's language is known). */
export const applicationsText = (id: string, vars?: TemplateVars, lang = "zh"): string => t("applications", lang, id, vars);
