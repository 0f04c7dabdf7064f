import type { AppContext } from "../platform/context";

/**
 * Mainland mobile numbers in one canonical form (11 digits, no +86, no separators), so the
 * same number typed or received in different shapes gives the same blind index.
 */
export function normalizePhone(phone: string): string {
  let digits = phone.replace(/\D/g, "");
  if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  if (digits.length === 15 && digits.startsWith("0086")) digits = digits.slice(4);
  return digits;
}

/**
 * The keyed hash under which a phone number is stored (app_user.phone_index). Other
 * capabilities store the same key for their own records (e.g. an application's applicant
 * phone) and match users by equality, without keeping the number in clear.
 */
export function phoneLookupKey(ctx: Pick<AppContext, "crypto">, phone: string): string {
  return ctx.crypto.blindIndex(`phone:${normalizePhone(phone)}`);
}

/** Same idea for ID numbers (upper-case X check digit). */
export function idNumberLookupKey(ctx: Pick<AppContext, "crypto">, idNumber: string): string {
  return ctx.crypto.blindIndex(`id:${idNumber.trim().toUpperCase()}`);
}
