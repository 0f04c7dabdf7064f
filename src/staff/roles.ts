/** The staff roles of issue 21; what each may do on the admin API is in admin-policy.ts. */
export const ROLES = ["administrator", "editor", "reviewer", "dispatcher", "handler", "supervisor"] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose view of complaints and applications is limited to their own department. */
export const DEPARTMENT_ROLES: readonly Role[] = ["handler"];

/** Who is acting on a request that passed requireStaff (ctx.state.staff). */
export interface StaffPrincipal {
  accountId: string | null;
  username: string;
  role: Role;
  department: string | null;
  /** The ADMIN_TOKEN bearer (automation), not a person. */
  machine: boolean;
}

/** The audit name of the machine token: never a person's name, never a header's claim. */
export const MACHINE_ACTOR = "machine:admin-token";

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);
