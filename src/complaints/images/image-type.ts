/**
 * The type of an uploaded image from its first bytes, never from the client's Content-Type
 * or file name (both are whatever the client says). JPEG: FF D8 FF; PNG: the 8-byte signature
 * (PNG spec §5.2); WebP: "RIFF" size "WEBP" (RFC 9649 §2).
 */
export type ImageMime = "image/jpeg" | "image/png" | "image/webp";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffImageType(bytes: Buffer): ImageMime | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG)) return "image/png";
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") return "image/webp";
  return undefined;
}

export const extensionOf = (mime: ImageMime) => ({ "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" })[mime];

export const MAX_IMAGES = 9;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
