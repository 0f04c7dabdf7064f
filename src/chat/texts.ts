import { t as platformT } from "../platform/templates";

export type Lang = "zh" | "bo";

/** A chat text from templates/chat/<lang>.yaml. */
export const t = (lang: Lang, id: string, vars?: Record<string, string | number>) => platformT("chat", lang, id, vars);

/** "现场查验：核实……" — a name and, when there is one, what it says. */
export const detail = (lang: Lang, name: string, text?: string) => (text ? t(lang, "value.detail", { name, detail: text }) : name);

/** "（青政办〔2020〕1号）" */
export const bracketed = (lang: Lang, value: string) => t(lang, "value.bracketed", { value });
