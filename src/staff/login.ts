import type { AppContext } from "../platform/context";
import { staffErrors } from "./errors";
import { burnPasswordTime, verifyPassword } from "./password";
import { createSession, type StaffSession } from "./sessions";
import { normaliseUsername } from "./username";
import type { Role, StaffPrincipal } from "./roles";

/** 5 wrong passwords within 15 minutes lock the account for 15 minutes. */
export const LOCKOUT = { attempts: 5, windowMinutes: 15, lockMinutes: 15 } as const;

export interface LoginOptions {
  username: string;
  password: string;
}

/**
 * Checks a password and opens a session. Every refusal costs one argon2 verification (an
 * unknown username is checked against a dummy hash), and unknown usernames count failures in
 * the store as accounts do in the database, so neither timing nor lock-out tells which
 * usernames exist. A locked account is refused without looking at the password.
 */
export async function login(app: AppContext, o: LoginOptions): Promise<{ token: string; session: StaffSession; principal: StaffPrincipal }> {
  const prisma = app.db.prisma;
  const username = normaliseUsername(o.username);
  const now = app.now();
  const account = username ? await prisma.staffAccount.findUnique({ where: { username } }) : null;
  if (!account) {
    await burnPasswordTime(o.password);
    const { count, resetSeconds } = await app.store.incrWindow(`staff:login-unknown:${username ?? ""}`, LOCKOUT.windowMinutes * 60);
    if (count >= LOCKOUT.attempts) throw locked(resetSeconds);
    throw staffErrors("staff_login_failed");
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    await burnPasswordTime(o.password);
    throw locked(Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000));
  }
  if (!(await verifyPassword(account.passwordHash, o.password))) {
    const attempts = await countFailure(app, account.id, now);
    if (attempts >= LOCKOUT.attempts) {
      const until = new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000);
      await prisma.staffAccount.update({ where: { id: account.id }, data: { lockedUntil: until, failedAttempts: 0 } });
      throw locked(LOCKOUT.lockMinutes * 60);
    }
    throw staffErrors("staff_login_failed");
  }
  if (account.disabled) throw staffErrors("staff_account_disabled");
  if (account.failedAttempts || account.lockedUntil) {
    await prisma.staffAccount.update({ where: { id: account.id }, data: { failedAttempts: 0, lastFailedAt: null, lockedUntil: null } });
  }
  const principal: StaffPrincipal = { accountId: account.id, username: account.username, role: account.role as Role, department: account.department, machine: false };
  return { ...(await createSession(app.store, account.id, account.sessionEpoch, now)), principal };
}

// One statement, so concurrent wrong guesses all count: the window restarts after 15 quiet minutes.
async function countFailure(app: AppContext, id: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000);
  const rows = await app.db.prisma.$queryRaw<{ failed_attempts: number }[]>`
    UPDATE staff_account
       SET failed_attempts = CASE WHEN last_failed_at IS NULL OR last_failed_at < ${windowStart} THEN 1 ELSE failed_attempts + 1 END,
           last_failed_at = ${now}, updated_at = ${now}
     WHERE id = ${id}::uuid
     RETURNING failed_attempts`;
  return Number(rows[0]?.failed_attempts ?? 0);
}

function locked(seconds: number) {
  return staffErrors("staff_account_locked", { minutes: Math.max(1, Math.ceil(seconds / 60)) }, { retryAfter: Math.max(1, seconds) });
}
