import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { sm4 } from "sm-crypto";
import { createFieldCrypto } from "../../src/platform/field-crypto";
import { ConfigError, loadConfig } from "../../src/platform/config";
import { startTestService } from "../support/service";

const key = crypto.randomBytes(32);
const texts = ["", "13812345678", "欧阳明华", "ཀཁགང", "x".repeat(15), "y".repeat(16), "z".repeat(1000)];

describe("field encryption with SM4 (国密)", () => {
  it("sm-crypto computes the GB/T 32907 standard example", () => {
    const k = [...Buffer.from("0123456789abcdeffedcba9876543210", "hex")];
    const out = sm4.encrypt(k, k, { padding: "none", output: "array" });
    expect(Buffer.from(out).toString("hex")).toBe("681edf34d206965e86b3e94f536e4246");
    expect(Buffer.from(sm4.decrypt(out, k, { padding: "none", output: "array" })).toString("hex")).toBe("0123456789abcdeffedcba9876543210");
  });

  it("round-trips every kind of text, with a fresh IV each time", () => {
    const f = createFieldCrypto(key, "sm4-cbc-hmac-sm3");
    for (const t of texts) {
      const a = f.encrypt(t);
      expect(a).toMatch(/^s4:[\w-]{22}:[\w-]{43}:[\w-]+$/);
      expect(f.decrypt(a)).toBe(t);
      expect(f.encrypt(t)).not.toBe(a);
    }
  });

  it("reads values of both algorithms after a switch, whichever is configured", () => {
    const aes = createFieldCrypto(key);
    const sm = createFieldCrypto(key, "sm4-cbc-hmac-sm3");
    const oldValue = aes.encrypt("13812345678");
    const newValue = sm.encrypt("13812345678");
    expect(oldValue).toMatch(/^v1:/);
    expect(sm.decrypt(oldValue)).toBe("13812345678");
    expect(aes.decrypt(newValue)).toBe("13812345678");
    // Lookups by value keep working across the switch.
    expect(sm.blindIndex("13812345678")).toBe(aes.blindIndex("13812345678"));
  });

  it("refuses a changed ciphertext, IV or tag, and another key", () => {
    const f = createFieldCrypto(key, "sm4-cbc-hmac-sm3");
    const [v, iv, tag, ct] = f.encrypt("欧阳明华 13812345678").split(":") as [string, string, string, string];
    const flip = (s: string) => Buffer.from(Buffer.from(s, "base64url").map((b, i) => (i === 0 ? b ^ 1 : b))).toString("base64url");
    for (const bad of [[v, flip(iv), tag, ct], [v, iv, flip(tag), ct], [v, iv, tag, flip(ct)], [v, iv, tag.slice(0, 20), ct]]) {
      expect(() => f.decrypt(bad.join(":"))).toThrow(/authenticate/);
    }
    expect(() => createFieldCrypto(crypto.randomBytes(32), "sm4-cbc-hmac-sm3").decrypt([v, iv, tag, ct].join(":"))).toThrow(/authenticate/);
    expect(() => f.decrypt("s5:a:b:c")).toThrow(/Not an encrypted value/);
  });

  // An independent implementation (Node's OpenSSL, where it has SM3/SM4) reads our values: the
  // format is plain SM4-CBC with PKCS#7 and an HMAC-SM3 over "s4" ‖ IV ‖ ciphertext.
  it.runIf(crypto.getCiphers().includes("sm4-cbc") && crypto.getHashes().includes("sm3"))("is standard SM4-CBC + HMAC-SM3, as OpenSSL reads it", () => {
    const f = createFieldCrypto(key, "sm4-cbc-hmac-sm3");
    const [, iv, tag, ct] = f.encrypt("青海省西宁市城中区").split(":").map((s, i) => (i ? Buffer.from(s, "base64url") : s)) as [string, Buffer, Buffer, Buffer];
    const encKey = crypto.createHmac("sm3", key).update("sm4-enc").digest().subarray(0, 16);
    const macKey = crypto.createHmac("sm3", key).update("sm4-mac").digest();
    expect(crypto.createHmac("sm3", macKey).update(Buffer.concat([Buffer.from("s4"), iv, ct])).digest()).toEqual(tag);
    const d = crypto.createDecipheriv("sm4-cbc", encKey, iv);
    expect(Buffer.concat([d.update(ct), d.final()]).toString("utf8")).toBe("青海省西宁市城中区");
  });

  it("is chosen by DATA_ENCRYPTION_ALGORITHM; an unknown name stops the start with the problem named", async () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_ALGORITHM: "sm4-gcm" }, "/nonexistent")).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_ENCRYPTION_ALGORITHM: "sm4-gcm" }, "/nonexistent")).toThrow(/DATA_ENCRYPTION_ALGORITHM/);
    const svc = await startTestService({ env: { DATA_ENCRYPTION_ALGORITHM: "sm4-cbc-hmac-sm3" } });
    try {
      expect(svc.ctx.crypto.encrypt("13812345678")).toMatch(/^s4:/);
    } finally {
      await svc.stop();
    }
  }, 120_000);
});
