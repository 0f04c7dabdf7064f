import type { AppContext } from "../platform/context";
import { maskIdNumber, maskName, maskPhone } from "../platform/privacy";
import { normalizePhone, phoneLookupKey } from "../users";
import { applicationErrors } from "./errors";

export interface Applicant {
  name: string;
  idNumber?: string | undefined;
  phone?: string | undefined;
}

/** The last 4 characters a citizen gives to prove they know the applicant (phone or ID). */
export const last4Key = (ctx: Pick<AppContext, "crypto">, last4: string) => ctx.crypto.blindIndex(`application-last4:${last4.trim().toUpperCase()}`);

/** Columns for the applicant: encrypted values and the blind indexes lookups use. */
export function sealApplicant(ctx: Pick<AppContext, "crypto">, a: Applicant) {
  const name = a.name.trim();
  const idNumber = a.idNumber?.trim().toUpperCase() || undefined;
  const phone = a.phone ? normalizePhone(a.phone) : undefined;
  if (!name) throw applicationErrors("applicant_name_required");
  if (!idNumber && !phone) throw applicationErrors("applicant_contact_required");
  if (phone !== undefined && phone.length < 7) throw applicationErrors("applicant_phone_invalid");
  if (idNumber !== undefined && idNumber.length < 6) throw applicationErrors("applicant_id_number_invalid");
  return {
    applicantNameEnc: ctx.crypto.encrypt(name),
    idNumberEnc: idNumber ? ctx.crypto.encrypt(idNumber) : null,
    idLast4Index: idNumber ? last4Key(ctx, idNumber.slice(-4)) : null,
    phoneEnc: phone ? ctx.crypto.encrypt(phone) : null,
    phoneIndex: phone ? phoneLookupKey(ctx, phone) : null,
    phoneLast4Index: phone ? last4Key(ctx, phone.slice(-4)) : null,
  };
}

export interface MaskedApplicant {
  name: string;
  idNumber: string | null;
  phone: string | null;
}

/** The applicant as every response shows it: masked (张*, 630102********1234, 138****5678). */
export function maskedApplicant(
  ctx: Pick<AppContext, "crypto">,
  row: { applicantNameEnc: string; idNumberEnc: string | null; phoneEnc: string | null },
): MaskedApplicant {
  return {
    name: maskName(ctx.crypto.decrypt(row.applicantNameEnc)),
    idNumber: row.idNumberEnc ? maskIdNumber(ctx.crypto.decrypt(row.idNumberEnc)) : null,
    phone: row.phoneEnc ? maskPhone(ctx.crypto.decrypt(row.phoneEnc)) : null,
  };
}
