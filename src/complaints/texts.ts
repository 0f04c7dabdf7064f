import { t } from "../platform/templates";

/** Citizen-facing text of this capability (templates/complaints/<lang>.yaml). */
export const text = (id: string, vars?: Record<string, string | number>, lang = "zh") => t("complaints", lang, id, vars);
