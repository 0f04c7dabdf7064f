import fs from "node:fs/promises";
import path from "node:path";
import { assertImageKey } from "./image-key";

/**
 * Where complaint images live. Local disk under DATA_DIR/complaint-images by default (an
 * in-memory map when DATA_DIR is memory://, as in tests); an S3-compatible bucket when the
 * S3_* settings are given (image-store-from-config.ts). Keys are content addresses
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
