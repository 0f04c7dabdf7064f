import { t, type TemplateVars } from "../platform/templates";

/** Console labels and messages (templates/console/zh.yaml): the console is in Chinese. */
export const T = (id: string, vars?: TemplateVars): string => t("console", "zh", id, vars);

/** A label that may not exist for a value another capability adds later (an event type): the value itself then. */
export const labelOr = (id: string, fallback: string): string => {
  try {
    return T(id);
  } catch {
    return fallback;
  }
};
