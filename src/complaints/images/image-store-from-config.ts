import type { Config } from "../../platform/config";
import { defaultImageStore, type ImageStore } from "./image-store";
import { s3ImageStore } from "./s3-image-store";

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
