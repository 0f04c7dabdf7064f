import crypto from "node:crypto";
import type { ApplicationState } from "./presenters";
import { normalizeApplicationNumber } from "./application-number";
import { last4Key } from "./applicant-data";
import { owns, type Viewer } from "./applicant-access";
import type { ApplicationsDeps } from "./deps";
import { loadApplicationState } from "./load-application";

/** Failed checks allowed per person and window before lookups are refused. */
export const LOOKUP_FAILURES = { limit: 5, windowSeconds: 600 };

export type LookupResult =
  | { kind: "found"; state: ApplicationState }
  | { kind: "invalid_number" }
  | { kind: "need_last4"; number: string }
  | { kind: "mismatch" }
  | { kind: "locked"; retryMinutes: number };

export interface LookupProgressOptions {
  viewer: Viewer;
  /** Whom failures are counted against, e.g. "wechat:<openid>" (hashed before use). */
  who: string;
  number: string;
  /** Last 4 characters of the applicant's phone or ID number (unbound viewers). */
  last4?: string | undefined;
}

/**
 * The citizen's progress lookup. Numbers are random, but could still be guessed or seen on
 * someone's receipt, so a viewer not bound to the application must also give the last 4
 * characters of the applicant's phone or ID number. An unknown number and a wrong last-4
 * answer alike (no oracle for which numbers exist), and count as failures: after 5 in 10
 * minutes every lookup by that person is refused until the window ends, correct or not.
 */
export async function lookupProgress(deps: ApplicationsDeps, opts: LookupProgressOptions): Promise<LookupResult> {
  const store = deps.app.store;
  const who = crypto.createHash("sha256").update(opts.who).digest("base64url").slice(0, 22);
  const lockKey = `applications:lookup-lock:${who}`;
  if (await store.get(lockKey)) return { kind: "locked", retryMinutes: minutes(await store.ttl(lockKey)) };

  const number = normalizeApplicationNumber(opts.number);
  if (!number) return { kind: "invalid_number" };
  const a = await deps.app.db.prisma.application.findUnique({ where: { number } });
  if (a && owns(a, opts.viewer)) return { kind: "found", state: await loadApplicationState(deps, a) };
  if (opts.last4 === undefined) return { kind: "need_last4", number };

  const key = last4Key(deps.app, opts.last4);
  if (a && (a.phoneLast4Index === key || a.idLast4Index === key)) return { kind: "found", state: await loadApplicationState(deps, a) };

  const hit = await store.incrWindow(`applications:lookup-fail:${who}`, LOOKUP_FAILURES.windowSeconds);
  deps.app.logger.info({ failures: hit.count }, "application lookup failed");
  if (hit.count >= LOOKUP_FAILURES.limit) {
    await store.setIfAbsent(lockKey, "1", Math.max(1, hit.resetSeconds));
    return { kind: "locked", retryMinutes: minutes(hit.resetSeconds) };
  }
  return { kind: "mismatch" };
}

const minutes = (seconds: number | null) => Math.max(1, Math.ceil((seconds ?? 60) / 60));
