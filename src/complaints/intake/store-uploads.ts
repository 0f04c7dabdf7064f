import crypto from "node:crypto";
import type { Logger } from "../../platform/logger";
import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { extensionOf, sniffImageType } from "../images/image-type";
import type { StoredImage } from "./create-complaint";

/** One uploaded file as the multipart parser holds it. */
export interface Upload {
  buffer: Buffer;
  size: number;
}

export interface StoreUploadsOptions {
  uploads: readonly Upload[];
  /** The request's logger, so a storage failure is logged with its request id. */
  log?: Pick<Logger, "error"> | undefined;
}

/**
 * Checks every upload's real type (magic bytes, images/image-type.ts), then stores them under
 * their content address, before the ticket commits: a retry stores nothing twice.
 */
export async function storeUploads(deps: ComplaintsDeps, o: StoreUploadsOptions): Promise<StoredImage[]> {
  const checked = o.uploads.map((f, i) => {
    const mime = sniffImageType(f.buffer);
    if (!mime) throw complaintErrors("image_type_unsupported", { n: i + 1 });
    const sha256 = crypto.createHash("sha256").update(f.buffer).digest("hex");
    return { mime, size: f.size, sha256, storageKey: `${sha256}.${extensionOf(mime)}`, bytes: f.buffer };
  });
  try {
    for (const f of checked) await deps.images.put(f.storageKey, f.bytes);
  } catch (err) {
    // Storage (disk or bucket) failing is temporary and not the citizen's fault: nothing was
    // committed, so say so and ask for a retry, rather than a bare 500.
    (o.log ?? deps.app.logger).error({ err }, "complaint image storage failed");
    throw complaintErrors("image_storage_unavailable", {}, { retryAfter: 30 });
  }
  return checked.map(({ bytes: _b, ...rest }) => rest);
}
