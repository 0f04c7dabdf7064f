import crypto from "node:crypto";
import aws4 from "aws4";
import type { ImageStore } from "./image-store";
import { assertImageKey, mimeOfKey } from "./image-key";

export interface S3ImageStoreOptions {
  /** Base URL of the S3-compatible service, e.g. https://minio.internal:9000 or https://cos.ap-beijing.myqcloud.com. */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Per request, including reading the body. Default 15 s (an image is at most 5 MB). */
  timeoutMs?: number;
}

/**
 * A failed S3 request. The HTTP status is `s3Status`, deliberately not `status`: the HTTP error
 * middleware turns an error's `status` 4xx into a client error, and a 403 from the bucket is
 * our misconfiguration, not the citizen's.
 */
export class S3Error extends Error {
  override readonly name = "S3Error";
  constructor(
    message: string,
    readonly s3Status?: number,
    readonly s3Code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// S3 bucket naming rules (lowercase letters, digits, dots, hyphens; 3–63 characters).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Complaint images in an S3-compatible bucket, addressed path-style (`endpoint/bucket/key`),
 * which MinIO, Ceph RGW and the S3 endpoints of OSS/COS all accept. Requests are signed with
 * AWS Signature V4 (aws4), and the body hash is sent in x-amz-content-sha256 so the server
 * checks the bytes it stored. A GET re-hashes the bytes against the key (the key is their sha256).
 */
export function s3ImageStore(o: S3ImageStoreOptions): ImageStore {
  let base: URL;
  try {
    base = new URL(o.endpoint);
  } catch {
    throw new Error(`S3_ENDPOINT is not a URL: ${o.endpoint}`);
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") throw new Error(`S3_ENDPOINT must be http(s): ${o.endpoint}`);
  if (base.search || base.hash) throw new Error(`S3_ENDPOINT must not have a query or fragment: ${o.endpoint}`);
  if (!BUCKET.test(o.bucket)) throw new Error(`S3_BUCKET is not a valid bucket name: ${o.bucket}`);
  const prefix = base.pathname.replace(/\/+$/, "");
  const credentials = { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey };
  const timeoutMs = o.timeoutMs ?? 15_000;

  async function request(method: "GET" | "PUT", key: string, body?: Buffer): Promise<Response> {
    assertImageKey(key);
    const path = `${prefix}/${o.bucket}/${key}`;
    const headers: Record<string, string> = {
      "X-Amz-Content-Sha256": crypto.createHash("sha256").update(body ?? "").digest("hex"),
    };
    if (body) headers["Content-Type"] = mimeOfKey(key);
    const signed = aws4.sign({ host: base.host, path, method, service: "s3", region: o.region, headers, ...(body ? { body } : {}) }, credentials);
    // fetch sets Host and Content-Length itself, to the same values that were signed.
    const sent = Object.fromEntries(
      Object.entries(signed.headers ?? {})
        .filter(([k]) => !/^(host|content-length)$/i.test(k))
        .map(([k, v]) => [k, String(v)]),
    );
    const what = `S3 ${method} ${o.bucket}/${key}`;
    try {
      return await fetch(new URL(path, base), { method, headers: sent, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      const timedOut = (e as Error).name === "TimeoutError";
      throw new S3Error(timedOut ? `${what}: timed out after ${timeoutMs} ms` : `${what}: ${(e as Error).message}`, undefined, undefined, { cause: e });
    }
  }

  async function failure(res: Response, what: string): Promise<S3Error> {
    const text = await res.text().catch(() => "");
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
    return new S3Error(`${what}: ${res.status}${code ? ` ${code}` : ""}`, res.status, code);
  }

  async function body(res: Response, what: string): Promise<Buffer> {
    try {
      return Buffer.from(await res.arrayBuffer());
    } catch (e) {
      const timedOut = (e as Error).name === "TimeoutError";
      throw new S3Error(timedOut ? `${what}: timed out after ${timeoutMs} ms` : `${what}: ${(e as Error).message}`, undefined, undefined, { cause: e });
    }
  }

  return {
    async put(key, bytes) {
      const res = await request("PUT", key, bytes);
      if (!res.ok) throw await failure(res, `S3 PUT ${o.bucket}/${key}`);
      await res.body?.cancel();
    },
    async get(key) {
      const what = `S3 GET ${o.bucket}/${key}`;
      const res = await request("GET", key);
      if (res.ok) {
        const bytes = await body(res, what);
        const sha = crypto.createHash("sha256").update(bytes).digest("hex");
        if (!key.startsWith(`${sha}.`)) throw new S3Error(`${what}: stored bytes do not match the key (sha256 ${sha})`, res.status);
        return bytes;
      }
      const err = await failure(res, what);
      // A missing object is "no image"; a missing bucket (NoSuchBucket) is a misconfiguration.
      if (res.status === 404 && (err.s3Code === undefined || err.s3Code === "NoSuchKey")) return undefined;
      throw err;
    },
  };
}
