/**
 * Citizens as users: identity by WeChat openid/unionid, bound phone and real-name details,
 * encrypted at rest and masked in every view. Public surface: import only from here.
 */
export { findOrCreateUserByOpenid, type OpenidIdentity } from "./find-or-create-user";
export { getUser } from "./get-user";
export { boundPhoneOf } from "./bound-phone";
export { linkedIdentityOf } from "./linked-identity";
export { bindPhone } from "./bind-phone";
export { setRealName, type RealNameOptions } from "./set-real-name";
export { findUsersByPhone } from "./find-users-by-phone";
export { phoneLookupKey, idNumberLookupKey, normalizePhone } from "./phone";
export { isValidIdNumber } from "./id-number";
export { presentUser, userProfileSchema, type UserProfile } from "./presenters";
export { userErrors } from "./errors";
