/** The staff API guard is shared by every capability (src/http/staff-auth.ts). */
export { requireStaff as requireAdmin } from "../http/staff-auth";
