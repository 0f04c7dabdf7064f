import type { AppContext } from "../platform/context";
import { AppError } from "../platform/errors";
import { maskIdNumber, maskName, maskPhone } from "../platform/privacy";
import { normalizePhone, phoneLookupKey } from "../users";

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
  if (!name) throw new AppError("bad_request", "申请人姓名不能为空");
  if (!idNumber && !phone) throw new AppError("bad_request", "申请人手机号和证件号码至少填写一项");
  if (phone !== undefined && phone.length < 7) throw new AppError("bad_request", "申请人手机号无效");
  if (idNumber !== undefined && idNumber.length < 6) throw new AppError("bad_request", "申请人证件号码无效");
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
