import type { StaffPrincipal } from "./roles";

export interface StaffAccountRow {
  id: string;
  username: string;
  role: string;
  department: string | null;
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An account as administrators see it: never the hash or the failure counters. */
export function presentAccount(a: StaffAccountRow, now: Date) {
  return {
    id: a.id,
    username: a.username,
    role: a.role,
    department: a.department,
    disabled: a.disabled,
    locked: a.lockedUntil !== null && a.lockedUntil > now,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Every account, as administrators see each. */
export function presentAccountList(accounts: StaffAccountRow[], now: Date) {
  return { items: accounts.map((a) => presentAccount(a, now)) };
}

/** GET /api/v1/staff/me: who is signed in and the token state changes must carry. */
export function presentMe(p: StaffPrincipal, csrfToken: string | null) {
  return { accountId: p.accountId, username: p.username, role: p.role, department: p.department, machine: p.machine, csrfToken };
}

/** The answer of a change that has nothing else to say (sign-out, password change). */
export const presentOk = () => ({ ok: true });

/** A page of the audit log: the entries as stored, times as ISO strings. */
export const presentAuditPage = <T extends { at: Date }>(r: { entries: T[]; total: number }, p: { page: number; pageSize: number }) => ({
  entries: r.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
  total: r.total,
  page: p.page,
  pageSize: p.pageSize,
});
