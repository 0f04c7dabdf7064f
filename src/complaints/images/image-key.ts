/**
 * Image keys are content addresses: the sha256 of the bytes, then the extension of the sniffed
 * type. Every store checks a key against this before touching disk or the network, so a key
 * can never name a path outside the store (no "/", no "..").
 */
export const SAFE_KEY = /^[a-f0-9]{64}\.(jpg|png|webp)$/;

export function assertImageKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`Bad image key ${key}`);
}

/** The Content-Type of a stored image, from its key's extension. */
export function mimeOfKey(key: string): "image/jpeg" | "image/png" | "image/webp" {
  assertImageKey(key);
  return key.endsWith(".png") ? "image/png" : key.endsWith(".webp") ? "image/webp" : "image/jpeg";
}
