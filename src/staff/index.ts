/** Public surface of staff accounts, sessions and authorization. Import only from here. */
export { staffCapability } from "./capability";
export { ROLES, DEPARTMENT_ROLES, MACHINE_ACTOR, isRole, type Role, type StaffPrincipal } from "./roles";
export { requireStaff, verifyCsrf, staffOf, staffActor, staffDepartmentScope } from "./require-staff";
export { adminGuard } from "./admin-guard";
export { ADMIN_POLICY, policyKey, type AdminPolicy } from "./admin-policy";
export { STAFF_COOKIE } from "./cookie";
export { createAccount, checkNewAccount, type CreateAccountOptions } from "./create-account";
export { LOCKOUT } from "./login";
export { changeOwnPassword } from "./change-own-password";
export { PASSWORD_MIN, PASSWORD_MAX } from "./password";
