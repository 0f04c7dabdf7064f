import crypto from "node:crypto";
import { shanghaiDayOf } from "../calendar";

/**
 * 办件编号: "QH" + the Shanghai date + 10 random Crockford base32 characters (50 bits) + one
 * check character. The random part makes a number impossible to derive from another one
 * (numbers handed out on the same day share only the date); the check character (Luhn mod 32)
 * catches every single mistyped character and most swapped neighbours before any lookup.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX = "QH";
const RANDOM_LENGTH = 10;
const SHAPE = new RegExp(`^${PREFIX}\\d{8}[${ALPHABET}]{${RANDOM_LENGTH + 1}}$`);

function checkCharacter(body: string): string {
  const n = ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return ALPHABET[(n - (sum % n)) % n]!;
}

export function generateApplicationNumber(now: Date): string {
  const bytes = crypto.randomBytes(RANDOM_LENGTH);
  const random = [...bytes].map((b) => ALPHABET[b & 31]).join("");
  const body = `${PREFIX}${shanghaiDayOf(now).replaceAll("-", "")}${random}`;
  return body + checkCharacter(body);
}

/**
 * What a citizen typed, in canonical form: upper case, no spaces or dashes, and Crockford's
 * look-alikes (O → 0, I/L → 1) read as digits. Returns undefined unless it is a well-formed
 * number with a correct check character.
 */
export function normalizeApplicationNumber(text: string): string | undefined {
  const compact = text.normalize("NFKC").toUpperCase().replace(/[\s\-_]/g, "");
  if (!compact.startsWith(PREFIX)) return undefined;
  const rest = compact.slice(PREFIX.length).replace(/O/g, "0").replace(/[IL]/g, "1");
  const candidate = PREFIX + rest;
  if (!SHAPE.test(candidate)) return undefined;
  return checkCharacter(candidate.slice(0, -1)) === candidate.slice(-1) ? candidate : undefined;
}

/** Anything shaped roughly like a number (for the chat's "进度 QH…" detection). */
export const looksLikeApplicationNumber = (text: string): boolean => /^QH[0-9A-Z\s\-]{12,30}$/i.test(text.normalize("NFKC").trim());
