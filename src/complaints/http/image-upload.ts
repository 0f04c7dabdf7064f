import multer from "@koa/multer";
import type { Context, Middleware } from "koa";
import { assertStorableBody } from "../../http/storable-input";
import type { AppError } from "../../platform/errors";
import { complaintErrors } from "../errors";
import { MAX_IMAGE_BYTES, MAX_IMAGES } from "../images/image-type";
import type { Upload } from "../intake/store-uploads";

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

/** The files imageUpload() took from a multipart body (none for a JSON one). */
export const uploadsOf = (c: Context): Upload[] => (c.state.uploads as Express.Multer.File[] | undefined) ?? [];
