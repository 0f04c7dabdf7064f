/**
 * Citizens as users: identity by WeChat openid/unionid, bound phone and real-name details,
 * encrypted at rest and masked in every view.
 */
export { findOrCreateUserByOpenid, type OpenidIdentity } from "./find-or-create-user";
export { getUser, bindPhone, setRealName, findUsersByPhone, type RealNameOptions } from "./update-user";
export { phoneLookupKey, idNumberLookupKey, normalizePhone } from "./phone";
export { isValidIdNumber } from "./id-number";
export { presentUser, userProfileSchema, type UserProfile } from "./user-profile";
