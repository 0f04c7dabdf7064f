import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Encryption at rest for personal data (ID numbers, phones, names, WeChat session keys):
 * AES-256-GCM with a random 12-byte IV per value, stored as "v1:<iv>:<tag>:<ciphertext>"
 * (base64url). Plus a keyed hash (HMAC-SHA256) for the fields we must look up by value
 * (e.g. an applicant's phone) without storing them in clear.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash for equality lookups. */
  blindIndex(value: string): string;
}

export function createFieldCrypto(key: Buffer): FieldCrypto {
  if (key.length !== 32) throw new Error("DATA_ENCRYPTION_KEY must be 32 bytes (base64 or hex)");
  const encKey = crypto.createHmac("sha256", key).update("enc").digest();
  const macKey = crypto.createHmac("sha256", key).update("idx").digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv("aes-256-gcm", encKey, iv);
      const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return ["v1", iv.toString("base64url"), c.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":");
    },
    decrypt(sealed) {
      const [v, iv, tag, ct] = sealed.split(":");
      if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("Not an encrypted value");
      const d = crypto.createDecipheriv("aes-256-gcm", encKey, Buffer.from(iv, "base64url"));
      d.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([d.update(Buffer.from(ct, "base64url")), d.final()]).toString("utf8");
    },
    blindIndex(value) {
      return crypto.createHmac("sha256", macKey).update(value.trim()).digest("base64url");
    },
  };
}

/**
 * The key comes from DATA_ENCRYPTION_KEY; without it (embedded default) one is generated once
 * into DATA_DIR/encryption.key with mode 0600. Several instances on one database must share
 * a configured key.
 */
export function resolveEncryptionKey(configured: string | undefined, dataDir: string): { key: Buffer; generated: boolean } {
  if (configured) {
    const key = /^[0-9a-fA-F]{64}$/.test(configured) ? Buffer.from(configured, "hex") : Buffer.from(configured, "base64");
    return { key, generated: false };
  }
  if (dataDir === "memory://") return { key: crypto.randomBytes(32), generated: true };
  const file = path.resolve(dataDir, "encryption.key");
  if (fs.existsSync(file)) return { key: Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64"), generated: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString("base64"), { mode: 0o600 });
  return { key, generated: true };
}
