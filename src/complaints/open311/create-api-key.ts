import crypto from "node:crypto";
import type { ComplaintsDeps } from "../deps";
import { apiKeyHash } from "./api-key-hash";

/** A new Open311 API key: returned once, only its SHA-256 is stored. */
export async function createApiKey(deps: ComplaintsDeps, o: { name: string; actor: string }) {
  const key = `o311_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await deps.app.db.prisma.complaintApiKey.create({ data: { name: o.name, keyHash: apiKeyHash(key), createdBy: o.actor } });
  return { row, key };
}
