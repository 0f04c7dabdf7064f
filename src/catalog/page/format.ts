import type { Guide, TimeLimitValue } from "../guide-schema";
import type { Lang } from "../translate";
import { label } from "./labels";
import { formatShanghai } from "../../platform/shanghai-time";

/** "60个自然日" or "即办". */
export function limitText(v: TimeLimitValue, lang: Lang): string {
  return v.unit === "即办" ? label(lang, "time_instant") : label(lang, "time_days", { value: v.value ?? 0, unit: v.unit });
}

/** "法定60个自然日，承诺20个工作日" — both limits, always. */
export function timeLimitText(g: Guide, lang: Lang): string {
  return label(lang, "time_limit_text", {
    statutory: limitText(g.timeLimit.statutory, lang),
    promised: limitText(g.timeLimit.promised, lang),
  });
}

/** Integer fen → "20元" / "12.5元" (money is stored in fen; yuan only in text). */
export function yuanText(fen: number, lang: Lang): string {
  const yuan = (fen / 100).toFixed(2).replace(/\.?0+$/, "");
  return label(lang, "fee_yuan", { amount: yuan });
}

/** A UTC instant as the Asia/Shanghai calendar date and time citizens read ("2026-11-25 20:30"). */
export const shanghaiDateTime = (d: Date): string => formatShanghai(d);
