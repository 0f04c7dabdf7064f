import { staffErrors } from "./errors";

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** The stored form of a login name (trimmed, lower case), or null when it cannot be one. */
export function normaliseUsername(raw: string): string | null {
  const u = raw.trim().toLowerCase();
  return USERNAME.test(u) ? u : null;
}

export function requireUsername(raw: string): string {
  const u = normaliseUsername(raw);
  if (!u) throw staffErrors("staff_username_invalid");
  return u;
}
