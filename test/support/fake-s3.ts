import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import aws4 from "aws4";

export interface FakeS3Object {
  body: Buffer;
  contentType: string;
  etag: string;
}

export interface FakeS3Request {
  method: string;
  path: string;
  status: number;
  code?: string;
}

export interface FakeS3 {
  /** Endpoint to give the client (path-style: `${url}/${bucket}/${key}`). */
  url: string;
  region: string;
  /** Objects by "bucket/key". */
  objects: Map<string, FakeS3Object>;
  /** Every request answered, in order. */
  requests: FakeS3Request[];
  /** The next `n` requests (after they are read) answer `status` (503 ServiceUnavailable or 500 InternalError). */
  failNext(n: number, status?: 500 | 503): void;
  close(): Promise<void>;
}

export interface FakeS3Options {
  /** Known access keys → secret keys. */
  credentials: Record<string, string>;
  buckets: string[];
  region?: string;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

class S3Reject extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A small S3-compatible server on 127.0.0.1 for tests: PUT/GET/HEAD object, path-style
 * addressing, objects in memory. Like S3 it checks every request's AWS Signature V4 (the
 * signature is recomputed with aws4 from the stored secret over the headers the client says it
 * signed, at the client's X-Amz-Date) and that x-amz-content-sha256 is the body's hash; it
 * answers S3's XML errors (InvalidAccessKeyId, SignatureDoesNotMatch,
 * XAmzContentSHA256Mismatch, NoSuchBucket, NoSuchKey, …).
 */
export async function startFakeS3(o: FakeS3Options): Promise<FakeS3> {
  const region = o.region ?? "us-east-1";
  const buckets = new Set(o.buckets);
  const objects = new Map<string, FakeS3Object>();
  const requests: FakeS3Request[] = [];
  let failures: { n: number; status: 500 | 503 } = { n: 0, status: 503 };

  function verifySignature(req: http.IncomingMessage, body: Buffer) {
    const auth = req.headers.authorization;
    if (!auth) throw new S3Reject(403, "AccessDenied", "Anonymous access is not allowed");
    const m = AUTH.exec(auth);
    if (!m) throw new S3Reject(400, "AuthorizationHeaderMalformed", "The authorization header is malformed");
    const [, accessKeyId, date, scopeRegion, service, signedHeaders] = m as unknown as [string, string, string, string, string, string];
    const secretAccessKey = o.credentials[accessKeyId];
    if (secretAccessKey === undefined) throw new S3Reject(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    if (scopeRegion !== region || service !== "s3") {
      throw new S3Reject(400, "AuthorizationHeaderMalformed", `The authorization header is malformed; the region '${scopeRegion}' is wrong; expecting '${region}'`);
    }
    const amzDate = req.headers["x-amz-date"];
    if (typeof amzDate !== "string" || !/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== date) {
      throw new S3Reject(403, "AccessDenied", "X-Amz-Date is missing or does not match the credential scope");
    }
    const names = signedHeaders.split(";");
    if (!names.includes("host") || !names.includes("x-amz-content-sha256")) {
      throw new S3Reject(400, "AuthorizationHeaderMalformed", "host and x-amz-content-sha256 must be signed");
    }
    const headers: Record<string, string> = {};
    for (const name of names) {
      const v = req.headers[name];
      if (v === undefined) throw new S3Reject(403, "SignatureDoesNotMatch", `Signed header ${name} is missing`);
      headers[name] = Array.isArray(v) ? v.join(",") : v;
    }
    const signer = new aws4.RequestSigner(
      { host: headers.host, method: req.method, path: req.url, service: "s3", region, headers, body, doNotModifyHeaders: true },
      { accessKeyId, secretAccessKey },
    );
    signer.datetime = amzDate;
    const expected = signer.sign().headers!.Authorization as string;
    const a = Buffer.from(expected);
    const b = Buffer.from(auth);
    if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
      throw new S3Reject(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }
    const claimed = req.headers["x-amz-content-sha256"];
    if (claimed !== "UNSIGNED-PAYLOAD") {
      if (typeof claimed !== "string" || !/^[0-9a-f]{64}$/.test(claimed)) throw new S3Reject(400, "InvalidArgument", "x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a SHA-256 hex digest");
      const actual = crypto.createHash("sha256").update(body).digest("hex");
      if (claimed !== actual) throw new S3Reject(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, path: string) {
    if (failures.n > 0) {
      failures.n--;
      const s = failures.status;
      throw new S3Reject(s, s === 503 ? "ServiceUnavailable" : "InternalError", s === 503 ? "Please reduce your request rate." : "We encountered an internal error. Please try again.");
    }
    verifySignature(req, body);
    if (new URL(req.url!, "http://x").search) throw new S3Reject(501, "NotImplemented", "Sub-resources and query parameters are not implemented");
    const slash = path.indexOf("/", 1);
    const bucket = decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash));
    const key = slash < 0 ? "" : decodeURIComponent(path.slice(slash + 1));
    if (!buckets.has(bucket)) throw new S3Reject(404, "NoSuchBucket", "The specified bucket does not exist");
    if (!key) throw new S3Reject(501, "NotImplemented", "Bucket operations are not implemented");
    const id = `${bucket}/${key}`;
    switch (req.method) {
      case "PUT": {
        const etag = `"${crypto.createHash("md5").update(body).digest("hex")}"`;
        objects.set(id, { body, contentType: req.headers["content-type"] ?? "binary/octet-stream", etag });
        res.writeHead(200, { etag, "content-length": 0 }).end();
        return;
      }
      case "GET":
      case "HEAD": {
        const obj = objects.get(id);
        if (!obj) throw new S3Reject(404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, { "content-type": obj.contentType, "content-length": obj.body.length, etag: obj.etag });
        res.end(req.method === "GET" ? obj.body : undefined);
        return;
      }
      default:
        throw new S3Reject(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = new URL(req.url!, "http://x").pathname;
      try {
        handle(req, res, Buffer.concat(chunks), path);
        requests.push({ method: req.method!, path, status: res.statusCode });
      } catch (e) {
        const r = e instanceof S3Reject ? e : new S3Reject(500, "InternalError", String(e));
        requests.push({ method: req.method!, path, status: r.status, code: r.code });
        const xml =
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${r.code}</Code><Message>${r.message.replace(/[<&]/g, "")}</Message>` +
          `<Resource>${path.replace(/[<&]/g, "")}</Resource><RequestId>${crypto.randomBytes(8).toString("hex")}</RequestId></Error>`;
        res.writeHead(r.status, { "content-type": "application/xml", "content-length": req.method === "HEAD" ? 0 : Buffer.byteLength(xml) });
        res.end(req.method === "HEAD" ? undefined : xml);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    region,
    objects,
    requests,
    failNext(n, status = 503) {
      failures = { n, status };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
