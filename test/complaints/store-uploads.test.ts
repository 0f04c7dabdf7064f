import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ComplaintsDeps } from "../../src/complaints/deps";
import { memoryImageStore, type ImageStore } from "../../src/complaints/images/image-store";
import { storeUploads } from "../../src/complaints/intake/store-uploads";
import { isAppError } from "../../src/platform/errors";
import { JPEG_BYTES, PNG_BYTES } from "./helpers";

/** storeUploads reads only deps.images and, when no request logger is given, deps.app.logger. */
const depsWith = (images: ImageStore, logged: string[] = []) =>
  ({ images, app: { logger: { error: (_o: object, m: string) => void logged.push(m) } } }) as unknown as ComplaintsDeps;
const upload = (buffer: Buffer) => ({ buffer, size: buffer.length });
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

describe("storeUploads (mini-program images before the ticket commits)", () => {
  it("stores each image under its content address and answers its type from the magic bytes", async () => {
    const store = memoryImageStore();
    const stored = await storeUploads(depsWith(store), { uploads: [upload(PNG_BYTES), upload(JPEG_BYTES)] });
    expect(stored).toEqual([
      { mime: "image/png", size: PNG_BYTES.length, sha256: sha(PNG_BYTES), storageKey: `${sha(PNG_BYTES)}.png` },
      { mime: "image/jpeg", size: JPEG_BYTES.length, sha256: sha(JPEG_BYTES), storageKey: `${sha(JPEG_BYTES)}.jpg` },
    ]);
    expect(await store.get(`${sha(PNG_BYTES)}.png`)).toEqual(PNG_BYTES);
  });

  it("refuses a file that is not JPEG, PNG or WebP by its position, and stores none of them", async () => {
    const store = memoryImageStore();
    const err = await storeUploads(depsWith(store), { uploads: [upload(PNG_BYTES), upload(Buffer.from("%PDF-1.7 not an image"))] }).catch((e: unknown) => e);
    expect(isAppError(err) && [err.reason, err.status, err.message]).toEqual(["image_type_unsupported", 415, "第2张图片不是 JPEG、PNG 或 WebP 格式"]);
    expect(await store.get(`${sha(PNG_BYTES)}.png`)).toBeUndefined();
  });

  it("answers a failing store as temporarily unavailable (retry after 30 s) and logs the cause on the request's logger", async () => {
    const broken: ImageStore = { put: async () => Promise.reject(new Error("disk full")), get: async () => undefined };
    const onRequest: string[] = [];
    const onService: string[] = [];
    const err = await storeUploads(depsWith(broken, onService), {
      uploads: [upload(JPEG_BYTES)],
      log: { error: ((_o: object, m: string) => void onRequest.push(m)) as never },
    }).catch((e: unknown) => e);
    expect(isAppError(err) && [err.reason, err.status, err.details]).toEqual(["image_storage_unavailable", 503, { retryAfter: 30 }]);
    expect([onRequest, onService]).toEqual([["complaint image storage failed"], []]);
  });
});
