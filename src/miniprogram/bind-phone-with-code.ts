import type { AppContext } from "../platform/context";
import type { UserModel } from "../platform/db";
import { bindPhone, userErrors } from "../users";
import { codeExchangeError, requireMiniProgramClient } from "./mp-api";

/** getPhoneNumber button code → WeChat's verified phone number → bound (encrypted) to the user. */
export async function bindPhoneWithCode(ctx: AppContext, userId: string, code: string): Promise<UserModel> {
  const client = requireMiniProgramClient(ctx);
  let info;
  try {
    info = await client.getPhoneNumber(code);
  } catch (e) {
    throw codeExchangeError(e, "phone_code_invalid");
  }
  if (info.countryCode !== "86") throw userErrors("phone_not_mainland");
  return bindPhone(ctx, userId, info.purePhoneNumber);
}
