import { holidayCalendar } from "../../src/calendar";
import crypto from "node:crypto";
import net from "node:net";
import aws4 from "aws4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaintsCapability } from "../../src/complaints";
import { memoryImageStore } from "../../src/complaints/images/image-store";
import { imageStoreFromConfig } from "../../src/complaints/images/image-store-from-config";
import { s3ImageStore } from "../../src/complaints/images/s3-image-store";
import { loadConfig } from "../../src/platform/config";
import type { AppContext } from "../../src/platform/context";
import { startFakeS3, type FakeS3 } from "../support/fake-s3";
import { JPEG_BYTES, PNG_BYTES, fakeClassify, startComplaints, type Harness } from "./helpers";

const ACCESS = "AKIAZHENGWUTEST";
const SECRET = "s3cr3t/zhengwu+images";
const BUCKET = "complaint-images";
const REGION = "cn-northwest-1";

const keyOf = (bytes: Buffer, ext: string) => `${crypto.createHash("sha256").update(bytes).digest("hex")}.${ext}`;

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3({ credentials: { [ACCESS]: SECRET }, buckets: [BUCKET], region: REGION });
});
afterAll(async () => {
  await s3?.close();
});

const store = (over: Partial<Parameters<typeof s3ImageStore>[0]> = {}) =>
  s3ImageStore({ endpoint: s3.url, bucket: BUCKET, accessKeyId: ACCESS, secretAccessKey: SECRET, region: REGION, ...over });

describe("S3 image store against a signature-checking fake", () => {
  it("round-trips an image (path-style, typed by extension, signed)", async () => {
    const key = keyOf(PNG_BYTES, "png");
    await store().put(key, PNG_BYTES);
    const obj = s3.objects.get(`${BUCKET}/${key}`);
    expect(obj?.contentType).toBe("image/png");
    expect(obj?.body.equals(PNG_BYTES)).toBe(true);
    expect((await store().get(key))?.equals(PNG_BYTES)).toBe(true);
    expect(s3.requests.slice(-2)).toEqual([
      { method: "PUT", path: `/${BUCKET}/${key}`, status: 200 },
      { method: "GET", path: `/${BUCKET}/${key}`, status: 200 },
    ]);
  });

  it("works under an endpoint with a trailing slash", async () => {
    const key = keyOf(JPEG_BYTES, "jpg");
    await store({ endpoint: `${s3.url}/` }).put(key, JPEG_BYTES);
    expect(s3.objects.get(`${BUCKET}/${key}`)?.contentType).toBe("image/jpeg");
  });

  it("GET of a missing key is undefined; a missing bucket is an error", async () => {
    const key = keyOf(crypto.randomBytes(16), "webp");
    expect(await store().get(key)).toBeUndefined();
    expect(s3.requests.at(-1)).toMatchObject({ status: 404, code: "NoSuchKey" });
    await expect(store({ bucket: "no-such-bucket" }).get(key)).rejects.toThrow(/404 NoSuchBucket/);
  });

  it("a wrong secret or an unknown access key is rejected by the server and surfaces as an error", async () => {
    const key = keyOf(PNG_BYTES, "png");
    await expect(store({ secretAccessKey: "wrong" }).put(key, PNG_BYTES)).rejects.toThrow(/403 SignatureDoesNotMatch/);
    await expect(store({ secretAccessKey: "wrong" }).get(key)).rejects.toThrow(/403 SignatureDoesNotMatch/);
    await expect(store({ accessKeyId: "AKIAUNKNOWN" }).get(key)).rejects.toMatchObject({ s3Status: 403, s3Code: "InvalidAccessKeyId" });
    await expect(store({ region: "us-east-1" }).get(key)).rejects.toThrow(/400 AuthorizationHeaderMalformed/);
  });

  it("a transient 503/500 surfaces as an error, and the next request goes through", async () => {
    const key = keyOf(JPEG_BYTES, "jpg");
    s3.failNext(1, 503);
    await expect(store().put(key, JPEG_BYTES)).rejects.toThrow(`S3 PUT ${BUCKET}/${key}: 503 ServiceUnavailable`);
    s3.failNext(1, 500);
    await expect(store().get(key)).rejects.toThrow(/500 InternalError/);
    await store().put(key, JPEG_BYTES);
    expect((await store().get(key))?.equals(JPEG_BYTES)).toBe(true);
  });

  it("refuses unsafe keys before any request", async () => {
    const n = s3.requests.length;
    await expect(store().put("../etc/passwd", PNG_BYTES)).rejects.toThrow(/Bad image key/);
    await expect(store().get(`${"a".repeat(64)}.gif`)).rejects.toThrow(/Bad image key/);
    expect(s3.requests.length).toBe(n);
  });

  it("times out a server that never answers", async () => {
    const hang = net.createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    try {
      const { port } = hang.address() as net.AddressInfo;
      const t0 = Date.now();
      await expect(store({ endpoint: `http://127.0.0.1:${port}`, timeoutMs: 200 }).get(keyOf(PNG_BYTES, "png"))).rejects.toThrow(/timed out after 200 ms/);
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      hang.close();
    }
  });

  it("the fake rejects a body that is not the one signed (x-amz-content-sha256)", async () => {
    const key = keyOf(PNG_BYTES, "png");
    const u = new URL(s3.url);
    const signed = aws4.sign(
      { host: u.host, path: `/${BUCKET}/${key}`, method: "PUT", service: "s3", region: REGION, headers: { "Content-Type": "image/png" }, body: PNG_BYTES },
      { accessKeyId: ACCESS, secretAccessKey: SECRET },
    );
    const headers = Object.fromEntries(Object.entries(signed.headers!).filter(([k]) => !/^(host|content-length)$/i.test(k)).map(([k, v]) => [k, String(v)]));
    const tampered = Buffer.from(PNG_BYTES);
    tampered[20]! ^= 0xff;
    const res = await fetch(`${s3.url}/${BUCKET}/${key}`, { method: "PUT", headers, body: tampered });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("<Code>XAmzContentSHA256Mismatch</Code>");
    // A signed header changed in transit breaks the signature.
    const retyped = await fetch(`${s3.url}/${BUCKET}/${key}`, { method: "PUT", headers: { ...headers, "Content-Type": "text/html" }, body: PNG_BYTES });
    expect(retyped.status).toBe(403);
    expect(await retyped.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect((await fetch(`${s3.url}/${BUCKET}/${key}`, { method: "PUT", headers, body: PNG_BYTES })).status).toBe(200);
    // HEAD answers like S3: headers only.
    const head = aws4.sign({ host: u.host, path: `/${BUCKET}/${key}`, method: "HEAD", service: "s3", region: REGION }, { accessKeyId: ACCESS, secretAccessKey: SECRET });
    const h = await fetch(`${s3.url}/${BUCKET}/${key}`, { method: "HEAD", headers: Object.fromEntries(Object.entries(head.headers!).filter(([k]) => k.toLowerCase() !== "host").map(([k, v]) => [k, String(v)])) });
    expect(h.status).toBe(200);
    expect(h.headers.get("content-length")).toBe(String(PNG_BYTES.length));
  });
});

describe("imageStoreFromConfig", () => {
  const none = { DATA_DIR: "memory://", S3_REGION: "us-east-1" } as const;

  it("is the local default without S3 settings, and S3 with all four", async () => {
    const local = imageStoreFromConfig(none);
    expect(Object.keys(local)).toEqual(Object.keys(memoryImageStore()));
    const key = keyOf(PNG_BYTES, "png");
    const n = s3.requests.length;
    const remote = imageStoreFromConfig({ ...none, S3_ENDPOINT: s3.url, S3_BUCKET: BUCKET, S3_ACCESS_KEY: ACCESS, S3_SECRET_KEY: SECRET, S3_REGION: REGION });
    expect((await remote.get(key))?.equals(PNG_BYTES)).toBe(true);
    expect(s3.requests.length).toBe(n + 1);
  });

  it("refuses a partial S3 configuration, naming what is missing", () => {
    expect(() => imageStoreFromConfig({ ...none, S3_ENDPOINT: s3.url, S3_BUCKET: BUCKET })).toThrow(
      /S3 image storage is partly configured: S3_ACCESS_KEY, S3_SECRET_KEY are not set/,
    );
    expect(() => imageStoreFromConfig({ ...none, S3_SECRET_KEY: SECRET })).toThrow(/S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY are not set/);
    expect(() => imageStoreFromConfig({ ...none, S3_ENDPOINT: "minio:9000", S3_BUCKET: BUCKET, S3_ACCESS_KEY: ACCESS, S3_SECRET_KEY: SECRET })).toThrow(/S3_ENDPOINT/);
  });
});

it("the complaints capability refuses to start with a partial S3 configuration", async () => {
  // What startService does with each capability: register its jobs, then start it (web role).
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: "memory://", S3_ENDPOINT: s3.url, S3_BUCKET: BUCKET, S3_ACCESS_KEY: ACCESS }, "/nonexistent");
  const ctx = { config } as unknown as AppContext;
  const cap = complaintsCapability({ classify: fakeClassify, calendar: (c) => holidayCalendar(c), notify: async () => {} });
  const start = async () => {
    cap.jobs?.(ctx);
    await cap.start?.(ctx, { web: true, worker: false });
  };
  await expect(start()).rejects.toThrow(/S3 image storage is partly configured: S3_SECRET_KEY is not set/);
});

describe("mini-program complaints with images in S3 (pglite)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startComplaints("pglite", {
      env: { S3_ENDPOINT: s3.url, S3_BUCKET: BUCKET, S3_ACCESS_KEY: ACCESS, S3_SECRET_KEY: SECRET, S3_REGION: REGION },
    });
  });
  afterAll(async () => {
    await h?.service.stop();
  });

  const post = async (token: string, images: [Buffer, string, string][]) => {
    const f = new FormData();
    f.set("text", "小区门口垃圾堆了一个星期没人清理");
    f.set("address", "西宁市城东区八一路");
    for (const [bytes, name, type] of images) f.append("images", new Blob([bytes], { type }), name);
    const res = await fetch(`${h.service.url}/api/v1/mp/complaints`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: f });
    return { status: res.status, headers: res.headers, json: (await res.json()) as any };
  };
  const download = (ticketNo: string, position: number) =>
    fetch(`${h.service.url}/api/v1/admin/complaints/${ticketNo}/images/${position}`, { headers: { authorization: "Bearer test-admin-token-complaints" } });

  it("stores an accepted complaint's images in the bucket, and staff download them from there", async () => {
    const png = Buffer.concat([PNG_BYTES, crypto.randomBytes(32)]);
    const jpg = Buffer.concat([JPEG_BYTES, crypto.randomBytes(32)]);
    const { token } = await h.mpToken();
    const r = await post(token, [[png, "a.png", "image/png"], [jpg, "b.jpg", "image/jpeg"]]);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(s3.objects.get(`${BUCKET}/${keyOf(png, "png")}`)?.body.equals(png)).toBe(true);
    expect(s3.objects.get(`${BUCKET}/${keyOf(jpg, "jpg")}`)?.body.equals(jpg)).toBe(true);
    const img = await download(r.json.ticketNo, 1);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await img.arrayBuffer()).equals(jpg)).toBe(true);
    expect(s3.requests.at(-1)).toMatchObject({ method: "GET", path: `/${BUCKET}/${keyOf(jpg, "jpg")}`, status: 200 });
  });

  it("a transient storage failure answers an error and commits nothing; the retry succeeds", async () => {
    const png = Buffer.concat([PNG_BYTES, crypto.randomBytes(32)]);
    const { token, userId } = await h.mpToken();
    s3.failNext(1, 503);
    const r = await post(token, [[png, "a.png", "image/png"]]);
    expect(r.status).toBe(503);
    expect(r.json.error.code).toBe("image_storage_unavailable");
    expect(r.json.error.message).toContain("投诉尚未提交");
    expect(r.headers.get("retry-after")).toBe("30");
    expect(JSON.stringify(r.json)).not.toContain(BUCKET);
    expect(await h.service.ctx.db.prisma.complaint.count({ where: { userId } })).toBe(0);
    expect(s3.objects.has(`${BUCKET}/${keyOf(png, "png")}`)).toBe(false);
    const again = await post(token, [[png, "a.png", "image/png"]]);
    expect(again.status).toBe(201);
    expect(await h.service.ctx.db.prisma.complaint.count({ where: { userId } })).toBe(1);
    expect(s3.objects.has(`${BUCKET}/${keyOf(png, "png")}`)).toBe(true);
  });

  it("an object missing from the bucket is a 404 on the admin image route", async () => {
    const png = Buffer.concat([PNG_BYTES, crypto.randomBytes(32)]);
    const { token } = await h.mpToken();
    const r = await post(token, [[png, "a.png", "image/png"]]);
    s3.objects.delete(`${BUCKET}/${keyOf(png, "png")}`);
    expect((await download(r.json.ticketNo, 0)).status).toBe(404);
  });
});
