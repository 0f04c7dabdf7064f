import type { ComplaintsDeps } from "../deps";
import { apiKeyHash } from "./api-key-hash";

/** The client behind an API key, or undefined (unknown or revoked). */
export async function findApiClient(deps: ComplaintsDeps, key: string | undefined) {
  if (!key || key.length > 200) return undefined;
  const row = await deps.app.db.prisma.complaintApiKey.findUnique({ where: { keyHash: apiKeyHash(key) } });
  return row && !row.revokedAt ? row : undefined;
}
