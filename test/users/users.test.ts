import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDbKinds, type TestDb } from "../support/db";
import { createFieldCrypto } from "../../src/platform/field-crypto";
import { createLogger } from "../../src/platform/logger";
import { loadConfig } from "../../src/platform/config";
import { MemoryStore } from "../../src/platform/store";
import { MemoryQueue } from "../../src/platform/queue";
import type { AppContext } from "../../src/platform/context";
import { bindPhone, findOrCreateUserByOpenid, findUsersByPhone, isValidIdNumber, normalizePhone, phoneLookupKey, presentUser, setRealName } from "../../src/users";

describe("identity helpers", () => {
  it("validates ID numbers by their GB 11643 check character", () => {
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("1101051949123100")).toBe(false);
  });

  it("normalises phone numbers before hashing", () => {
    expect(normalizePhone("+86 138-1234-5678")).toBe("13812345678");
    expect(normalizePhone("008613812345678")).toBe("13812345678");
    const ctx = { crypto: createFieldCrypto(crypto.randomBytes(32)) };
    expect(phoneLookupKey(ctx, "138 1234 5678")).toBe(phoneLookupKey(ctx, "+8613812345678"));
    expect(phoneLookupKey(ctx, "13812345678")).not.toBe(phoneLookupKey(ctx, "13812345679"));
  });
});

describe.each(testDbKinds())("users (%s)", (kind) => {
  let db: TestDb;
  let ctx: AppContext;

  beforeAll(async () => {
    db = await createTestDb(kind);
    ctx = {
      config: loadConfig({ NODE_ENV: "test", DATA_DIR: "memory://" }, "/nonexistent"),
      logger: createLogger({ level: "silent", format: "json" }),
      db,
      store: new MemoryStore(),
      queue: new MemoryQueue(),
      crypto: createFieldCrypto(crypto.randomBytes(32)),
      now: () => new Date(),
    };
  });
  afterAll(async () => {
    await db?.close();
  });

  it("creates a user once per openid, also under concurrent first logins", async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => findOrCreateUserByOpenid(ctx, { mpOpenid: "mp-1" })));
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
    expect(await db.prisma.user.count({ where: { mpOpenid: "mp-1" } })).toBe(1);
  });

  it("links the Official Account and the mini-program by unionid, in either order", async () => {
    const oa = await findOrCreateUserByOpenid(ctx, { oaOpenid: "oa-2", unionid: "u-2" });
    const mp = await findOrCreateUserByOpenid(ctx, { mpOpenid: "mp-2", unionid: "u-2" });
    expect(mp.id).toBe(oa.id);
    expect(mp).toMatchObject({ oaOpenid: "oa-2", mpOpenid: "mp-2", unionid: "u-2" });

    const first = await findOrCreateUserByOpenid(ctx, { mpOpenid: "mp-3" }); // unionid not known yet
    const withUnion = await findOrCreateUserByOpenid(ctx, { mpOpenid: "mp-3", unionid: "u-3" });
    const fromOa = await findOrCreateUserByOpenid(ctx, { oaOpenid: "oa-3", unionid: "u-3" });
    expect(new Set([first.id, withUnion.id, fromOa.id]).size).toBe(1);
  });

  it("keeps two records when each channel was seen before the unionid (no silent merge)", async () => {
    const a = await findOrCreateUserByOpenid(ctx, { oaOpenid: "oa-4" });
    const b = await findOrCreateUserByOpenid(ctx, { mpOpenid: "mp-4", unionid: "u-4" });
    const again = await findOrCreateUserByOpenid(ctx, { oaOpenid: "oa-4", unionid: "u-4" });
    expect(again.id).toBe(a.id);
    expect(b.id).not.toBe(a.id);
  });

  it("stores phone, name and ID number encrypted and shows them masked", async () => {
    const u = await findOrCreateUserByOpenid(ctx, { mpOpenid: "mp-5" });
    await bindPhone(ctx, u.id, "+86 13712345678");
    const saved = await setRealName(ctx, u.id, { name: "张三丰", idNumber: "11010519491231002x" });
    const raw = JSON.stringify(saved);
    for (const clear of ["13712345678", "11010519491231002", "张三丰"]) expect(raw).not.toContain(clear);
    expect(presentUser(ctx, saved)).toMatchObject({ phone: "137****5678", realName: "张**", idNumber: "110105********002X" });
    expect((await findUsersByPhone(ctx, "137 1234 5678")).map((x) => x.id)).toEqual([u.id]);
    await expect(setRealName(ctx, u.id, { name: "张三", idNumber: "110105194912310021" })).rejects.toMatchObject({ code: "unprocessable", publicCode: "id_number_invalid" });
    await expect(bindPhone(ctx, u.id, "12345")).rejects.toMatchObject({ code: "unprocessable", publicCode: "phone_not_mainland" });
  });
});
