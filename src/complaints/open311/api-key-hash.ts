import crypto from "node:crypto";

/** Open311 API keys are stored as their SHA-256 only. */
export const apiKeyHash = (key: string) => crypto.createHash("sha256").update(key).digest("hex");
