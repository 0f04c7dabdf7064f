import { formatShanghai, formatShanghaiDate, parseInstant } from "../platform/shanghai-time";
import { cutAtWord, fitPhrase } from "./word-cut";

/**
 * Fits values to WeChat's template field types ("subscribeMessage.send" field table; the
 * Official Account's category templates use the same types). A value that breaks a limit
 * makes WeChat refuse the whole message with 47003, so values are shortened here instead,
 * text between whole words (word-cut.ts), never mid-word:
 * thing ≤ 20 characters, character_string ≤ 32 (letters, digits, symbols), phrase ≤ 5
 * Chinese characters, name ≤ 10, number ≤ 32 digits, amount = currency sign + ≤ 10 digits,
 * time "YYYY-MM-DD HH:mm" and date "YYYY-MM-DD" (Asia/Shanghai), phone_number ≤ 17.
 */

export type FieldType = "thing" | "character_string" | "phrase" | "name" | "number" | "amount" | "time" | "date" | "phone_number";

export type FieldValue = string | number | Date;

const chars = (s: string) => [...s];

/** Cut to `max` characters (code points), marking the cut with "…" when `ellipsis`. */
export function cut(s: string, max: number, ellipsis = true): string {
  const c = chars(s);
  if (c.length <= max) return s;
  return ellipsis ? c.slice(0, max - 1).join("") + "…" : c.slice(0, max).join("");
}

/** A Date, or an instant as a stored payload keeps it (ISO 8601 with its zone). */
function toInstant(v: FieldValue): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  return typeof v === "string" ? parseInstant(v) : undefined;
}

export function fitField(type: FieldType, value: FieldValue): string {
  const text = (value instanceof Date ? value.toISOString() : String(value)).replace(/\s+/g, " ").trim();
  switch (type) {
    case "thing":
      return cutAtWord(text, 20);
    case "character_string":
      // Letters, digits and symbols only: Chinese characters are refused in this type.
      return cut(text.replace(/[^\x21-\x7e]/g, ""), 32, false);
    case "phrase":
      return fitPhrase(text, 5);
    case "name":
      return /^[A-Za-z ]+$/.test(text) ? cut(text, 20, false) : cut(text, 10, false);
    case "number":
      return cut(text.replace(/[^\d.]/g, ""), 32, false);
    case "amount": {
      // Integer fen (the service's money unit) → "¥12.50".
      const fen = typeof value === "number" ? value : Number(text.replace(/[^\d-]/g, ""));
      return `¥${(fen / 100).toFixed(2)}`.slice(0, 14);
    }
    case "time":
    case "date": {
      // Times come from the one Shanghai formatter. Zone-less text is shown as written, never
      // converted again: it is already local time (a payload recorded before defect 12's fix).
      const d = toInstant(value);
      if (!d) return cut(text, type === "date" ? 10 : 16, false);
      return type === "date" ? formatShanghaiDate(d) : formatShanghai(d);
    }
    case "phone_number":
      return cut(text.replace(/[^\d+\-]/g, ""), 17, false);
  }
}
