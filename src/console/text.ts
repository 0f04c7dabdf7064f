import { t, type TemplateVars } from "../platform/templates";

/** Console labels and messages (templates/console/zh.yaml): the console is in Chinese. */
export const T = (id: string, vars?: TemplateVars): string => t("console", "zh", id, vars);
