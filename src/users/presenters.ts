import { z } from "zod";
import type { AppContext } from "../platform/context";
import type { UserModel as User } from "../platform/db";
import { maskIdNumber, maskName, maskPhone } from "../platform/privacy";

/**
 * The only JSON shape of a user: personal data decrypted just long enough to be masked
 * (138****5678, 630102********1234, 张*). Full values never leave the server.
 */
export const userProfileSchema = z.object({
  id: z.string(),
  phone: z.string().nullable(),
  realName: z.string().nullable(),
  idNumber: z.string().nullable(),
  channels: z.object({ officialAccount: z.boolean(), miniProgram: z.boolean() }),
  createdAt: z.string(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

export function presentUser(ctx: Pick<AppContext, "crypto">, u: User): UserProfile {
  const open = (v: string | null, mask: (s: string) => string) => (v ? mask(ctx.crypto.decrypt(v)) : null);
  return {
    id: u.id,
    phone: open(u.phoneEnc, maskPhone),
    realName: open(u.realNameEnc, maskName),
    idNumber: open(u.idNumberEnc, maskIdNumber),
    channels: { officialAccount: u.oaOpenid !== null, miniProgram: u.mpOpenid !== null },
    createdAt: u.createdAt.toISOString(),
  };
}
