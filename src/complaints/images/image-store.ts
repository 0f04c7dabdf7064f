import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "../../platform/config";
import { assertImageKey } from "./image-key";
import { s3ImageStore } from "./s3-image-store";

/**
 * Where complaint images live. Local disk under DATA_DIR/complaint-images by default (an
 * in-memory map when DATA_DIR is memory://, as in tests); an S3-compatible bucket when the
 * S3_* settings are given (imageStoreFromConfig). Keys are content addresses
 * (sha256.ext), so writing the same image twice is harmless and a retry never duplicates.
 */
export interface ImageStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
}

export function memoryImageStore(): ImageStore {
  const files = new Map<string, Buffer>();
  return {
    put: async (key, bytes) => void files.set(key, bytes),
    get: async (key) => files.get(key),
  };
}

export function diskImageStore(dir: string): ImageStore {
  const file = (key: string) => {
    assertImageKey(key);
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    async put(key, bytes) {
      const f = file(key);
      await fs.mkdir(path.dirname(f), { recursive: true });
      // Write then rename: a crash never leaves a half image under the final name.
      const tmp = `${f}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, f);
    },
    async get(key) {
      try {
        return await fs.readFile(file(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw e;
      }
    },
  };
}

export function defaultImageStore(dataDir: string): ImageStore {
  return dataDir === "memory://" ? memoryImageStore() : diskImageStore(path.resolve(dataDir, "complaint-images"));
}

type S3Settings = Pick<Config, "DATA_DIR" | "S3_REGION"> & Partial<Pick<Config, "S3_ENDPOINT" | "S3_BUCKET" | "S3_ACCESS_KEY" | "S3_SECRET_KEY">>;

/**
 * The image store the settings ask for: an S3-compatible bucket (MinIO, Ceph, OSS/COS S3
 * endpoints, AWS) when S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY and S3_SECRET_KEY are all set,
 * else defaultImageStore. Some but not all of them set is a mistake that would silently put
 * images on one instance's local disk, so it throws — the complaints capability resolves its
 * store while the service starts, and the service refuses to start.
 */
export function imageStoreFromConfig(config: S3Settings): ImageStore {
  const s3 = {
    S3_ENDPOINT: config.S3_ENDPOINT,
    S3_BUCKET: config.S3_BUCKET,
    S3_ACCESS_KEY: config.S3_ACCESS_KEY,
    S3_SECRET_KEY: config.S3_SECRET_KEY,
  };
  const missing = Object.entries(s3).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length === 4) return defaultImageStore(config.DATA_DIR);
  if (missing.length) {
    throw new Error(
      `S3 image storage is partly configured: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set. ` +
        "Set all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY and S3_SECRET_KEY, or none of them to keep complaint images on local disk.",
    );
  }
  return s3ImageStore({
    endpoint: s3.S3_ENDPOINT!,
    bucket: s3.S3_BUCKET!,
    accessKeyId: s3.S3_ACCESS_KEY!,
    secretAccessKey: s3.S3_SECRET_KEY!,
    region: config.S3_REGION,
  });
}
