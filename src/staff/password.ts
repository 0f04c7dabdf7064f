import { hash, verify } from "@node-rs/argon2";
import { staffErrors } from "./errors";

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane); @node-rs/argon2's default algorithm is argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so that answer takes as long as a wrong password.
let dummy: Promise<string> | undefined;
export const burnPasswordTime = async (password: string): Promise<void> => {
  await verifyPassword(await (dummy ??= hashPassword("not-a-real-password-0")), password);
};

/** A new password: long enough and not the username (NIST SP 800-63B: length, no composition rules). */
export function assertPasswordAcceptable(password: string, username: string): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX || password.toLowerCase() === username.toLowerCase()) {
    throw staffErrors("staff_password_weak", { min: PASSWORD_MIN });
  }
}
