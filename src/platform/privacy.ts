/**
 * Masking of personal data for logs and public views. Formats follow common government
 * practice: ID numbers keep the 6-digit region prefix and the last 4 characters
 * (630102********1234), mobile numbers keep 3 + 4 digits (138****5678), names keep the
 * family name (张*, 欧阳**).
 */
const ID_RE = /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE_RE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

export function maskIdNumber(id: string): string {
  if (id.length < 10) return "*".repeat(id.length);
  return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return digits.slice(0, 3) + "*".repeat(digits.length - 7) + digits.slice(-4);
}

const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木"];

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  const surnameLen = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) && chars.length > 2 ? 2 : 1;
  return chars.slice(0, surnameLen).join("") + "*".repeat(Math.max(1, chars.length - surnameLen));
}

/** Masks every ID number and mobile number found in free text. */
export function maskText(text: string): string {
  return text
    .replace(ID_RE, (_m, a: string, b: string, c: string) => a + "*".repeat(b.length) + c.slice(-4))
    .replace(MOBILE_RE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}
