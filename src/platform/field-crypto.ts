import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import smCrypto from "sm-crypto";

// sm-crypto is CommonJS: Node's ESM loader gives it only a default export (named imports fail in the bundle).
const { sm3, sm4 } = smCrypto;

/**
 * Encryption at rest for personal data (ID numbers, phones, names, WeChat session keys), plus a
 * keyed hash (HMAC-SHA256) for the fields we must look up by value (e.g. an applicant's phone)
 * without storing them in clear. Two algorithms, chosen by DATA_ENCRYPTION_ALGORITHM:
 * - aes-256-gcm (default): "v1:<iv>:<tag>:<ciphertext>", a random 12-byte IV per value;
 * - sm4-cbc-hmac-sm3 (国密, for a 密评 that asks for it): "s4:<iv>:<tag>:<ciphertext>", SM4-CBC
 *   (GB/T 32907, through sm-crypto, which has no GCM) with a random 16-byte IV, then an
 *   HMAC-SM3 tag over "s4", IV and ciphertext (encrypt-then-MAC), checked before decrypting.
 * Every value names its algorithm, so after a switch the old values still read; new ones are
 * written with the configured algorithm. The blind index stays HMAC-SHA256 whichever is chosen:
 * changing it would orphan every stored lookup hash.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash for equality lookups. */
  blindIndex(value: string): string;
}

export const FIELD_ALGORITHMS = ["aes-256-gcm", "sm4-cbc-hmac-sm3"] as const;
export type FieldAlgorithm = (typeof FIELD_ALGORITHMS)[number];

const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64url");
const bytes = (s: string) => [...Buffer.from(s, "base64url")];

export function createFieldCrypto(key: Buffer, algorithm: FieldAlgorithm = "aes-256-gcm"): FieldCrypto {
  if (key.length !== 32) throw new Error("DATA_ENCRYPTION_KEY must be 32 bytes (base64 or hex)");
  const derive = (label: string) => crypto.createHmac("sha256", key).update(label).digest();
  const aesKey = derive("enc");
  const macKey = derive("idx");
  // SM4 keys come from the same master key through HMAC-SM3, so a 密评 sees SM algorithms only.
  const smDerive = (label: string) => Buffer.from(sm3(label, { key: [...key] }), "hex");
  const sm4Key = [...smDerive("sm4-enc").subarray(0, 16)];
  const sm4MacKey = [...smDerive("sm4-mac")];
  const sm4Tag = (iv: number[], ct: number[]) => Buffer.from(sm3([...Buffer.from("s4"), ...iv, ...ct], { key: sm4MacKey }), "hex");

  const aes = {
    seal(plain: string): string {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv("aes-256-gcm", aesKey, iv);
      const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return ["v1", b64(iv), b64(c.getAuthTag()), b64(ct)].join(":");
    },
    open(iv: string, tag: string, ct: string): string {
      const d = crypto.createDecipheriv("aes-256-gcm", aesKey, Buffer.from(iv, "base64url"));
      d.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([d.update(Buffer.from(ct, "base64url")), d.final()]).toString("utf8");
    },
  };
  const sm = {
    seal(plain: string): string {
      const iv = [...crypto.randomBytes(16)];
      const ct = sm4.encrypt([...Buffer.from(plain, "utf8")], sm4Key, { mode: "cbc", iv, padding: "pkcs#7", output: "array" });
      return ["s4", b64(Uint8Array.from(iv)), b64(sm4Tag(iv, ct)), b64(Uint8Array.from(ct))].join(":");
    },
    open(ivText: string, tagText: string, ctText: string): string {
      const iv = bytes(ivText);
      const ct = bytes(ctText);
      const tag = Buffer.from(tagText, "base64url");
      const expected = sm4Tag(iv, ct);
      if (iv.length !== 16 || tag.length !== expected.length || !crypto.timingSafeEqual(tag, expected)) {
        throw new Error("Unsupported state or unable to authenticate data");
      }
      return Buffer.from(sm4.decrypt(ct, sm4Key, { mode: "cbc", iv, padding: "pkcs#7", output: "array" })).toString("utf8");
    },
  };
  const writer = algorithm === "sm4-cbc-hmac-sm3" ? sm : aes;
  return {
    encrypt: (plain) => writer.seal(plain),
    decrypt(sealed) {
      const [v, iv, tag, ct, extra] = sealed.split(":");
      if (!iv || !tag || ct === undefined || extra !== undefined) throw new Error("Not an encrypted value");
      if (v === "v1") return aes.open(iv, tag, ct);
      if (v === "s4") return sm.open(iv, tag, ct);
      throw new Error("Not an encrypted value");
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
