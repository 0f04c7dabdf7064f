import crypto from "node:crypto";
import multer from "@koa/multer";
import type { Context, Middleware } from "koa";
import { assertStorableBody } from "../../http/storable-input";
import type { AppError } from "../../platform/errors";
import { complaintErrors } from "../errors";
import type { ImageStore } from "../images/image-store";
import { MAX_IMAGE_BYTES, MAX_IMAGES, extensionOf, sniffImageType } from "../images/image-type";
import type { StoredImage } from "../intake/create-complaint";

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_IMAGE_BYTES, files: MAX_IMAGES, fields: 30 } });
/** @koa/multer: multer as Koa middleware (fields on ctx.request.body, files on ctx.request.files). */
const parse = upload.array("images", MAX_IMAGES);

/**
 * multipart/form-data with up to 9 `images` (JPEG/PNG/WebP by magic bytes, ≤ 5 MB each);
 * text fields land in ctx.request.body for the route's zod schema. JSON bodies pass through.
 */
export function imageUpload(): Middleware {
  return async (c, next) => {
    if (!c.is("multipart/form-data")) return next();
    try {
      await parse(c, async () => {});
    } catch (err) {
      throw toAppError(err);
    }
    const request = c.request as { body?: Record<string, unknown>; files?: Express.Multer.File[] };
    // multer builds the fields object without a prototype; the route's zod schema wants a plain one.
    const fields = { ...(request.body ?? {}) };
    assertStorableBody(fields);
    request.body = fields;
    c.state.uploads = request.files ?? [];
    await next();
  };
}

function toAppError(err: unknown): AppError {
  const e = err as { code?: string; message?: string };
  if (e.code === "LIMIT_FILE_SIZE") return complaintErrors("image_too_large", { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
  if (e.code === "LIMIT_FILE_COUNT" || e.code === "LIMIT_UNEXPECTED_FILE") return complaintErrors("too_many_images", { max: MAX_IMAGES });
  return complaintErrors("upload_unreadable", { reason: e.message ?? "multipart" });
}

/** Checks every upload's real type, then stores them (content-addressed) before the ticket commits. */
export async function storeUploads(c: Context, store: ImageStore): Promise<StoredImage[]> {
  const files = (c.state.uploads as Express.Multer.File[] | undefined) ?? [];
  const checked = files.map((f, i) => {
    const mime = sniffImageType(f.buffer);
    if (!mime) throw complaintErrors("image_type_unsupported", { n: i + 1 });
    const sha256 = crypto.createHash("sha256").update(f.buffer).digest("hex");
    return { mime, size: f.size, sha256, storageKey: `${sha256}.${extensionOf(mime)}`, bytes: f.buffer };
  });
  try {
    for (const f of checked) await store.put(f.storageKey, f.bytes);
  } catch (err) {
    // Storage (disk or bucket) failing is temporary and not the citizen's fault: nothing was
    // committed, so say so and ask for a retry, rather than a bare 500.
    (c.state.log as { error?: (o: object, m: string) => void } | undefined)?.error?.({ err }, "complaint image storage failed");
    throw complaintErrors("image_storage_unavailable", {}, { retryAfter: 30 });
  }
  return checked.map(({ bytes: _b, ...rest }) => rest);
}
