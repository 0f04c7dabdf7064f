import crypto from "node:crypto";
import type { ComplaintsDeps } from "../deps";

const hash = (key: string) => crypto.createHash("sha256").update(key).digest("hex");

/** A new Open311 API key: shown once, only its SHA-256 is stored. */
export async function createApiKey(deps: ComplaintsDeps, o: { name: string; actor: string }) {
  const key = `o311_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await deps.app.db.prisma.complaintApiKey.create({ data: { name: o.name, keyHash: hash(key), createdBy: o.actor } });
  return { id: row.id, name: row.name, key, createdAt: row.createdAt.toISOString() };
}

/** The client behind an API key, or undefined (unknown or revoked). */
export async function findApiClient(deps: ComplaintsDeps, key: string | undefined) {
  if (!key || key.length > 200) return undefined;
  const row = await deps.app.db.prisma.complaintApiKey.findUnique({ where: { keyHash: hash(key) } });
  return row && !row.revokedAt ? row : undefined;
}
