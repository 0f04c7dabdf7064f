import type { Middleware } from "koa";
import { requireStaff } from "../../http/staff-auth";

/** The staff API guard is shared by every capability (src/http/staff-auth.ts). */
export const adminAuth = (token: string | undefined): Middleware => requireStaff({ config: { ADMIN_TOKEN: token } as never });
