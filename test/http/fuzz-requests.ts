/**
 * Request generators for the hostile-input fuzz test (fuzz.test.ts): every JSON route of the
 * service's own /openapi.json, the WeChat callback, the signed integration webhooks, Open311
 * and the HTML pages — each with valid-looking input mixed with hostile input (NUL, lone
 * surrogates, invalid UTF-8, prototype keys, huge and deeply nested bodies, wrong content
 * types and encodings, missing or wrong credentials).
 *
 * A generated request is plain data (method, raw path, headers, body bytes), sent as is by
 * the test's raw HTTP client, so bytes no well-behaved client would send reach the server.
 */
import fc from "fast-check";
import { encrypt } from "@wecom/crypto";
import { sha1Signature } from "../../src/wechat/signature";
import { signWebhook } from "../../src/platform/webhook-signature";
import { AES_KEY, APPID, TOKEN } from "../wechat/helpers";

export interface FuzzRequest {
  /** Which generator made it (for the report). */
  target: string;
  method: string;
  /** Raw request target: already percent-encoded; may hold latin-1 bytes ≥ 0x80. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** The WeChat account in plaintext mode (a second service), instead of the main one in safe mode. */
  plainService?: boolean;
}

/** Values that exist in the service under test, so that some requests get past the lookups. */
export interface Known {
  adminToken: string;
  /** Mini-program sessions; requests carry `sessionRef(i)`, replaced by the live token when sent (a fuzzed logout revokes one, the test logs in again). */
  sessionTokens: string[];
  itemCodes: string[];
  ticketNos: string[];
  complaintIds: string[];
  applicationNumbers: string[];
  open311Key: string;
  integration: { id: string; secret: string };
  twelve345Secret: string;
  serviceCodes: string[];
}

/** `a` in one case out of `of`, else null. */
const sometimes = <T>(a: fc.Arbitrary<T>, of: number): fc.Arbitrary<T | null> => fc.oneof({ weight: of - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });

/** Stands for mini-program session `i` in a header; the sender puts the current token in. */
export const sessionRef = (i: number) => `@session:${i}`;
export const SESSION_REF = /@session:(\d+)/g;
const anySession = (k: Known) => fc.integer({ min: 0, max: Math.max(0, k.sessionTokens.length - 1) }).map(sessionRef);

// ---------------------------------------------------------------------------------------------
// Hostile text

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "isPrototypeOf", "then"];

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "QH-630000-GAT-001\u0000",
  "\ud800",
  "\udfff",
  "x\ud800y",
  "\udc00\ud800",
  "\ufffe",
  "\ufeff身份证",
  "\u202e驾照",
  "\u0085\u2028\u2029",
  "%00",
  "%",
  "%zz",
  "..",
  "../../etc/passwd",
  "' OR 1=1 --",
  "\"; DROP TABLE complaint; --",
  "<script>alert(1)</script>",
  "]]></Content><Injected>1</Injected><Content><![CDATA[",
  "{{7*7}}",
  "${jndi:ldap://x}",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "-1",
  "99999999999999999999999999",
  "0x10",
  "null",
  "true",
  "[]",
  "{}",
  "2026-02-30T25:61:00Z",
  "9999-12-31T23:59:59Z",
  "0000-01-01T00:00:00Z",
  "QH00000000000000",
  "QH99999999999999",
  "qh20261207000001",
  "ཀཁགང་",
  "驾照丢了咋补",
  "进度 QH123",
  "评价 QH20260101000001 非常不满意",
  "工单 QH20260101000001",
  "我要投诉",
  "人工",
  ...PROTOTYPE_KEYS,
];

/** A string no one should send: control characters, lone surrogates, prototype keys, … */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 8 }), fc.constantFrom(...NASTY_STRINGS)).map(([a, b, c]) => a + b + c) },
  // Long, but under the body limit (a few of these per body).
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("a", "驾", "\u0000", "\ud800", "ཀ"), fc.integer({ min: 300, max: 20_000 })).map(([c, n]) => c.repeat(n)) },
);

/** For URLs: short enough that a request line of a few of them stays under Node's 16 KB header limit. */
export const urlNasty: fc.Arbitrary<string> = nastyString.filter((x) => x.length > 0 && x.length < 200);

/** A JSON value of any shape, with hostile strings and keys, a few levels deep. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyString,
    fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, true, false, null),
    fc.double(),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...PROTOTYPE_KEYS)), tie("v")), { maxLength: 4 }).map((pairs) => new Pairs(pairs)),
  ),
})).v;

/**
 * An object as a list of pairs, so that keys such as "__proto__" are written as they are (an
 * object literal would set the prototype instead of a key) and duplicates are possible.
 */
export class Pairs {
  constructor(readonly pairs: [string, unknown][]) {}
}

/** JSON.stringify that understands Pairs; non-finite numbers are written as JSON cannot (1e999). */
export function toJson(v: unknown): string {
  if (v instanceof Pairs) return `{${v.pairs.map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(",")}}`;
  if (Array.isArray(v)) return `[${v.map(toJson).join(",")}]`;
  if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? "1e999" : v > 0 ? "1e999" : "-1e999";
  if (v === undefined) return "null";
  if (v !== null && typeof v === "object") return toJson(new Pairs(Object.entries(v)));
  return JSON.stringify(v);
}

/** Flat string pairs of a value, for forms and query strings (nested as a[b]=… and a[]=…). */
function flatten(v: unknown, prefix = ""): [string, string][] {
  if (v instanceof Pairs) return v.pairs.flatMap(([k, x]) => flatten(x, prefix ? `${prefix}[${k}]` : k));
  if (Array.isArray(v)) return v.flatMap((x) => flatten(x, `${prefix}[]`));
  if (v !== null && typeof v === "object") return flatten(new Pairs(Object.entries(v)), prefix);
  return [[prefix || "value", v === null || v === undefined ? "" : String(v)]];
}

/** Percent-encoding that also writes lone surrogates (as their CESU-8 bytes: invalid UTF-8). */
export function pct(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) out += `%${(0xe0 | (cp >> 12)).toString(16)}%${(0x80 | ((cp >> 6) & 0x3f)).toString(16)}%${(0x80 | (cp & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

export function formEncode(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join("&");
}

/** A path segment: encoded text, or raw tricks (%00, bad escapes, latin-1 bytes, encoded slashes). */
const rawSegment: fc.Arbitrary<string> = fc.constantFrom("%00", "abc%00", "%FF%FE", "%C0%80", "%ED%A0%80", "%", "%zz", "%2e%2e", "..", "%2F", "a%2Fb", "\xff\xfe", "caf\xe9", "%u0000", ";", "a;b=c", "~", "%20", "+", "*");

// ---------------------------------------------------------------------------------------------
// Bodies

/** A body that is not what the route expects, as bytes. */
export const nastyBodyBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "}",
    "[",
    "null",
    "0",
    "\"\"",
    "[]",
    "{}",
    "{\"a\":}",
    "{'a':1}",
    "{\"a\":1,}",
    "{\"question\":\"\\u0000\"}",
    "{\"question\":\"\\ud800\"}",
    "{\"question\":\"\\uDFFF\\uD800\"}",
    "{\"__proto__\":{\"polluted\":1},\"question\":\"x\"}",
    "{\"constructor\":{\"prototype\":{\"polluted\":1}}}",
    "\ufeff{\"question\":\"x\"}",
    "<xml></xml>",
    "a=1&b=2",
    "NaN",
    "1e999",
  ).map((s) => Buffer.from(s, "utf8")),
  // Invalid UTF-8: lone continuation bytes, overlong NUL, CESU surrogate, truncated sequence.
  fc.constantFrom([0xff, 0xfe, 0xfd], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe9, 0xa9], [0x80], [0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]).map((b) => Buffer.from(b)),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  // Deeply nested arrays / objects, as text (a value this deep cannot be built and stringified).
  fc.tuple(fc.constantFrom("[", "{\"a\":"), fc.integer({ min: 1000, max: 200_000 }), fc.boolean()).map(([open, n, closed]) => {
    const close = open === "[" ? "]" : "}";
    return Buffer.from(open.repeat(n) + (open === "[" ? "1" : "1") + (closed ? close.repeat(n) : ""));
  }),
  // Huge: just over the 1 MB body limit, or well under it.
  fc.constantFrom(900_000, 1_100_000, 3_000_000).map((n) => Buffer.from(`{"question":"${"驾".repeat(Math.floor(n / 3))}"}`)),
  nastyJson.map((v) => Buffer.from(toJson(v))),
);

/** Text-level changes to a JSON body: prototype keys injected, NUL and lone-surrogate escapes, truncation. */
function mutateJsonText(text: string, how: number, extra: string): string {
  switch (how) {
    case 0:
      return text.startsWith("{") ? `{"__proto__":{"polluted":"yes","admin":true},${text.slice(1)}` : text;
    case 1:
      return text.startsWith("{") ? `{"constructor":{"prototype":{"polluted":"yes"}},${text.slice(1)}` : text;
    case 2:
      return text.replace(/":"/, `":"\\u0000`);
    case 3:
      return text.replace(/":"/, `":"\\ud800`);
    case 4:
      return text.slice(0, Math.max(0, Math.floor(text.length / 2)));
    case 5:
      return text.replace(/":"[^"]*"/, `":${JSON.stringify(extra)}`);
    case 6:
      return text.replace(/":"[^"]*"/, `":{"$gt":""}`);
    case 7:
      return text.replace(/":"[^"]*"/, `":["a","b"]`);
    default:
      return text;
  }
}

// ---------------------------------------------------------------------------------------------
// OpenAPI → arbitraries

type Schema = Record<string, any>;

/** A value the schema accepts (mostly): the way in past validation, to reach the operation. */
export function fromSchema(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s) return nastyJson;
  let arb = baseFromSchema(s, depth);
  if (s.nullable) arb = fc.option(arb, { nil: null, freq: 5 });
  return arb;
}

function baseFromSchema(s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.anyOf || s.oneOf) return fc.oneof(...((s.anyOf ?? s.oneOf) as Schema[]).map((x) => fromSchema(x, depth)));
  if (s.allOf) return fromSchema(Object.assign({}, ...(s.allOf as Schema[])), depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringFromSchema(s);
    case "integer":
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e9), max: Math.min(s.maximum ?? 1000, 1e9) });
    case "number":
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return depth > 4 ? fc.constant([]) : fc.array(fromSchema(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case "object": {
      if (depth > 4) return fc.constant({});
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set<string>((s.required as string[] | undefined) ?? []);
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      const rec = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
      if (s.additionalProperties && Object.keys(props).length === 0) {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fromSchema(s.additionalProperties === true ? undefined : s.additionalProperties, depth + 1), { maxKeys: 3 });
      }
      return rec;
    }
    default:
      return nastyJson;
  }
}

function stringFromSchema(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 60));
  switch (s.format) {
    case "date-time":
      return fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
    case "date":
      return fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case "email":
      return fc.emailAddress();
    case "uri":
    case "url":
      return fc.webUrl();
    case "uuid":
      return fc.uuid();
  }
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern as string)).filter((x) => x.length >= min && x.length <= Math.max(max, min + 20));
    } catch {
      /* a pattern JavaScript cannot compile: fall through */
    }
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.constantFrom("驾照丢了咋补", "身份证换领要带什么", "小区门口的路灯坏了一个月了，晚上很黑", "西宁市城西区五四西路").filter((x) => x.length >= min && x.length <= max),
  );
}

/** Half valid-looking, half hostile: at every leaf. */
function mixed(s: Schema | undefined): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: fromSchema(s) }, { weight: 1, arbitrary: nastyJson });
}

function mixedBody(s: Schema | undefined): fc.Arbitrary<unknown> {
  if (!s || s.type !== "object" || !s.properties) return mixed(s);
  const props = s.properties as Record<string, Schema>;
  const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, mixed(v)]));
  return fc.oneof(
    { weight: 2, arbitrary: fromSchema(s) },
    { weight: 3, arbitrary: fc.record(model, { requiredKeys: [] }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.record(model, { requiredKeys: [] }), fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, ...Object.keys(props)), nastyJson), { maxLength: 3 }))
        .map(([o, extra]) => new Pairs([...extra, ...Object.entries(o)])),
    },
  );
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/items/{code} */
  path: string;
  params: { name: string; in: "path" | "query" | "header"; schema?: Schema; required?: boolean }[];
  body?: Schema;
  security: string[];
}

export function operationsOf(doc: { paths: Record<string, Record<string, Schema>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: ((op.parameters ?? []) as Operation["params"]).map((p) => ({ name: p.name, in: p.in, schema: p.schema, required: p.required })),
        body: op.requestBody?.content?.["application/json"]?.schema,
        security: ((op.security ?? []) as Record<string, unknown>[]).flatMap((x) => Object.keys(x)),
      });
    }
  }
  return ops;
}

/** Values known to exist, for a path parameter of this name. */
function knownFor(name: string, k: Known): string[] {
  if (name === "code") return k.itemCodes;
  if (name === "ticketNo") return k.ticketNos;
  if (name === "ref") return [...k.ticketNos, ...k.complaintIds];
  if (name === "number") return k.applicationNumbers;
  if (name === "category") return ["市政设施", "交通出行", "环境保护"];
  if (name === "year") return ["2025", "2026", "2027"];
  if (name === "v") return ["1", "2"];
  return [];
}

/** A path segment: a known value (or one the schema accepts), or a hostile one. */
const segment = (name: string, schema: Schema | undefined, k: Known, hostile: boolean): fc.Arbitrary<string> => {
  const known = knownFor(name, k);
  const good = known.length ? fc.constantFrom(...known).map(pct) : fromSchema(schema).map((v) => pct(String(v)));
  if (!hostile) return good;
  return fc.oneof(
    { weight: 2, arbitrary: fc.tuple(known.length ? fc.constantFrom(...known) : fc.constant(""), nastyString).map(([a, b]) => pct(a + b)) },
    { weight: 2, arbitrary: urlNasty.map(pct) },
    { weight: 2, arbitrary: fc.tuple(known.length ? fc.constantFrom(...known) : fc.constant("x"), rawSegment).map(([a, b]) => pct(a) + b) },
  );
};

/** Who the caller claims to be, for a route's security scheme (and for routes without one). */
function authHeader(security: string[], k: Known, hostile: boolean): fc.Arbitrary<Record<string, string>> {
  const wrong = fc.constantFrom<Record<string, string>>(
    {},
    { authorization: "Bearer " },
    { authorization: "Bearer wrong-token" },
    { authorization: `Basic ${Buffer.from("admin:admin").toString("base64")}` },
    { authorization: `Bearer ${k.adminToken}x` },
    { authorization: "Bearer __proto__" },
    { authorization: "Bearer \xff\xfe" },
  );
  if (hostile) return fc.oneof(wrong, fc.constant({ authorization: `Bearer ${k.adminToken}` }), anySession(k).map((t) => ({ authorization: `Bearer ${t}` })));
  if (security.includes("admin")) return fc.constant({ authorization: `Bearer ${k.adminToken}` });
  if (security.includes("session") && k.sessionTokens.length) return anySession(k).map((t) => ({ authorization: `Bearer ${t}` }));
  return fc.constant({});
}

/** How a body is sent: its content type and encoding (right, wrong, or lying). */
interface Framing {
  type: string;
  encoding?: string;
}

const bodyFraming: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Framing>({ type: "application/json" }) },
  { weight: 1, arbitrary: fc.constant({ type: "application/json; charset=utf-8" }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Framing>(
      { type: "application/x-www-form-urlencoded" },
      { type: "text/plain" },
      { type: "text/xml" },
      { type: "multipart/form-data; boundary=x" },
      { type: "multipart/form-data" },
      { type: "application/octet-stream" },
      { type: "application/json; charset=latin1" },
      { type: "application/json; charset=utf-16" },
      { type: "application/json; charset=\xff" },
      { type: "application/vnd.api+json" },
      { type: "application/csp-report" },
      { type: "" },
      { type: "json" },
      { type: "application/json", encoding: "gzip" },
      { type: "application/json", encoding: "deflate" },
      { type: "application/json", encoding: "br" },
      { type: "application/json", encoding: "x-unknown" },
      { type: "application/json", encoding: "gzip, gzip" },
      { type: "application/x-www-form-urlencoded", encoding: "gzip" },
    ),
  },
);

/** A query string from a schema's query parameters; hostile: odd values, extra and repeated keys, raw bytes. */
function queryString(params: Operation["params"], hostile: boolean): fc.Arbitrary<string> {
  const q = params.filter((p) => p.in === "query");
  const good = fc.record(Object.fromEntries(q.map((p) => [p.name, fromSchema(p.schema).map(String)])), { requiredKeys: [] }).map((o) => formEncode(Object.entries(o as Record<string, string>)));
  if (!hostile) return good.map((s) => (s ? `?${s}` : ""));
  // Kept under Node's 16 KB header limit: longer request lines are refused by the HTTP parser, not the app.
  const short = urlNasty;
  const model = Object.fromEntries(q.map((p) => [p.name, fc.oneof({ weight: 1, arbitrary: fromSchema(p.schema).map(String) }, { weight: 2, arbitrary: short })]));
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...q.map((p) => p.name), "a[b]", "a[]", "a[__proto__][x]"), short), short), { maxLength: 3 }),
      sometimes(fc.constantFrom("x=%00", "y=%ED%A0%80", "z=%FF", "w=%", "%00=1", "limit=1&limit=2", "__proto__[x]=1", "&&&", "=", "a=1=2"), 3),
    )
    .map(([o, extra, raw]) => {
      const s = [formEncode([...Object.entries(o as Record<string, string>), ...extra]), raw ?? ""].filter(Boolean).join("&");
      return s ? `?${s}` : "";
    });
}

type Focus = "none" | "path" | "query" | "body" | "raw-body" | "framing" | "auth" | "method";
/** Which part of a request is hostile: one at a time, so the others get the request past their checks. */
const focus = fc.constantFrom<Focus>("none", "none", "path", "query", "body", "body", "body", "raw-body", "framing", "auth", "method");

/** One operation's request. */
export function operationRequest(op: Operation, k: Known): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === "path");
  const hasBody = op.method !== "GET" && op.method !== "DELETE";
  return focus.chain((f) => {
    const goodBody = fromSchema(op.body).map(toJson);
    const body =
      f === "body"
        ? fc.oneof(
            { weight: 3, arbitrary: mixedBody(op.body).map(toJson) },
            { weight: 2, arbitrary: fc.tuple(goodBody, fc.integer({ min: 0, max: 7 }), nastyString).map(([t, how, extra]) => mutateJsonText(t, how, extra)) },
          )
        : f === "raw-body"
          ? nastyBodyBytes.map((b) => b.toString("latin1"))
          : goodBody;
    const sendBody = hasBody || f === "body" || f === "raw-body";
    return fc
      .record({
        segs: fc.tuple(...pathParams.map((p) => segment(p.name, p.schema, k, f === "path"))),
        query: queryString(op.params, f === "query"),
        auth: authHeader(op.security, k, f === "auth"),
        body: sendBody ? body.map((b) => b as string | undefined) : fc.constant(undefined),
        framing: f === "framing" ? bodyFraming : fc.constant<{ type: string; encoding?: string }>({ type: "application/json" }),
        method: f === "method" ? fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD") : fc.constant(op.method),
        idem: sometimes(fc.oneof(fc.constant("k-1"), nastyString.map((s) => Buffer.from(s, "utf8").toString("latin1").replace(/[^\t\x20-\x7e\x80-\xff]/g, ""))), 4),
      })
      .map(({ segs, query, auth, body, framing, method, idem }) => {
        let i = 0;
        const path = op.path.replace(/\{(\w+)\}/g, () => segs[i++]!) + query;
        const headers: Record<string, string> = { ...auth };
        let bytes: Buffer | undefined;
        if (body !== undefined && method !== "GET" && method !== "HEAD") {
          // Bodies made from raw bytes are latin-1 text: send those bytes as they were.
          bytes = f === "raw-body" ? Buffer.from(body, "latin1") : Buffer.from(body, "utf8");
          if (framing.type.startsWith("application/x-www-form-urlencoded")) {
            try {
              bytes = Buffer.from(formEncode(flatten(JSON.parse(body))));
            } catch {
              /* not JSON: sent as it is */
            }
          }
          if (framing.type) headers["content-type"] = framing.type;
          if (framing.encoding) headers["content-encoding"] = framing.encoding;
        }
        if (idem !== null) headers["idempotency-key"] = idem;
        return { target: `${op.method} ${op.path}`, method, path, headers, body: bytes };
      });
  });
}

// ---------------------------------------------------------------------------------------------
// WeChat

const MSG_TYPES = ["text", "image", "voice", "video", "shortvideo", "location", "link", "event", "file", "", "__proto__", "constructor"];
const EVENTS = ["subscribe", "unsubscribe", "SCAN", "LOCATION", "CLICK", "VIEW", "TEMPLATESENDJOBFINISH", "", "__proto__", "toString"];

const cdata = (s: string) => `<![CDATA[${s.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

/** A callback's plaintext XML: the documented fields with hostile values, or broken XML. */
export const wechatXml: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .record({
        from: fc.oneof({ weight: 5, arbitrary: fc.constantFrom("o_fuzz_1", "o_fuzz_2", "o_fuzz_3") }, { weight: 1, arbitrary: nastyString }),
        type: fc.oneof({ weight: 4, arbitrary: fc.constant("text") }, { weight: 2, arbitrary: fc.constantFrom(...MSG_TYPES) }),
        content: fc.oneof(fc.constantFrom("驾照丢了咋补", "身份证换领要带什么", "要多少钱？", "我要投诉", "进度 QH123", "查进度", "人工", "否", "工单 QH20260101000001", "评价 QH20260101000001 满意", "ཁྱེད་རང"), nastyString),
        event: fc.constantFrom(...EVENTS),
        eventKey: nastyString,
        msgId: fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 64n }).map(String), nastyString),
        time: fc.oneof({ weight: 5, arbitrary: fc.constant(String(Math.floor(Date.now() / 1000))) }, { weight: 1, arbitrary: fc.constantFrom("0", "-1", "99999999999999", "abc", "") }),
        locX: fc.oneof(fc.double().map(String), fc.constantFrom("36.617", "NaN", "", "1e999")),
        cdataWrap: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        extra: fc.oneof({ weight: 3, arbitrary: fc.constant<[string, string][]>([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom("__proto__", "constructor", "Content", "MsgType", "Encrypt", "x"), nastyString), { maxLength: 3 }) }),
      })
      .map((m) => {
        const v = (s: string) => (m.cdataWrap ? cdata(s) : s.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;")));
        const fields = [
          `<ToUserName>${cdata("gh_qinghai")}</ToUserName>`,
          `<FromUserName>${v(m.from)}</FromUserName>`,
          `<CreateTime>${m.time}</CreateTime>`,
          `<MsgType>${v(m.type)}</MsgType>`,
          m.type === "event" ? `<Event>${v(m.event)}</Event><EventKey>${v(m.eventKey)}</EventKey>` : "",
          m.type === "location" ? `<Location_X>${m.locX}</Location_X><Location_Y>${m.locX}</Location_Y><Scale>15</Scale><Label>${v(m.content)}</Label>` : "",
          m.type === "image" ? `<PicUrl>${v(m.content)}</PicUrl><MediaId>${v(m.eventKey)}</MediaId>` : "",
          m.type === "voice" ? `<MediaId>x</MediaId><Format>amr</Format><Recognition>${v(m.content)}</Recognition>` : "",
          `<Content>${v(m.content)}</Content>`,
          ...(m.extra as [string, string][]).map(([k, x]) => `<${k}>${v(x)}</${k}>`),
          `<MsgId>${v(m.msgId)}</MsgId>`,
        ];
        return `<xml>${fields.join("")}</xml>`;
      }),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "",
      "<xml>",
      "<xml></xml>",
      "<xml><MsgType>text</MsgType></xml>",
      "not xml at all",
      "{\"MsgType\":\"text\"}",
      "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><xml><Content>&d;&d;&d;&d;</Content></xml>",
      "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Content>&x;</Content></xml>",
      "<xml><Content><![CDATA[unterminated</Content></xml>",
      "<xml><a><b></a></b></xml>",
      "<xml><MsgType>text</MsgType><MsgType>event</MsgType></xml>",
      "<xml><__proto__><polluted>1</polluted></__proto__><MsgType>text</MsgType><Content>x</Content><FromUserName>o</FromUserName></xml>",
      "<xml><constructor><prototype><polluted>1</polluted></prototype></constructor></xml>",
      "<xml xmlns:x=\"urn:x\"><x:Content>hi</x:Content></xml>",
      "<xml><Content>&#0;&#xD800;&#x110000;</Content></xml>",
      "<xml><Content>\u0000</Content></xml>",
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }).map((n) => `<xml>${"<a>".repeat(n)}x${"</a>".repeat(n)}</xml>`) },
  { weight: 1, arbitrary: fc.constantFrom(200_000, 1_100_000).map((n) => `<xml><MsgType>text</MsgType><Content>${"驾".repeat(Math.floor(n / 3))}</Content></xml>`) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a).toString("latin1")) },
);

/** POST/GET /wechat: signed (plain or safe mode), unsigned, forged, stale; with any XML. */
export const wechatRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    xml: wechatXml,
    signing: fc.constantFrom("plain", "aes", "aes", "plain", "unsigned", "forged", "stale", "aes-garbage", "aes-other-appid", "aes-unsigned-outer"),
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant("text/xml") }, { weight: 1, arbitrary: fc.constantFrom("application/xml", "application/json", "application/x-www-form-urlencoded", "text/plain", "", "multipart/form-data; boundary=x") }),
    encoding: sometimes(fc.constantFrom("gzip", "deflate", "identity"), 8),
    method: fc.oneof({ weight: 8, arbitrary: fc.constant("POST") }, { weight: 1, arbitrary: fc.constantFrom("GET", "PUT") }),
    echostr: urlNasty,
    nonce: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 1e9 }).map(String) }, { weight: 1, arbitrary: urlNasty }),
    // Each signing mostly to the account of its mode; now and then to the other (refused there).
    crossed: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    extraQuery: fc.oneof({ weight: 6, arbitrary: fc.constant("") }, fc.constantFrom("&encrypt_type=aes", "&encrypt_type=", "&signature=&signature=x", "&timestamp=%00", "&__proto__=1", "&msg_signature=%ED%A0%80")),
  })
  .map((r) => {
    const ts = r.signing === "stale" ? String(Math.floor(Date.now() / 1000) - 3600) : String(Math.floor(Date.now() / 1000));
    const nonce = r.nonce;
    const p = new URLSearchParams({ timestamp: ts, nonce, openid: "o_fuzz_1" });
    let body = r.xml;
    if (r.signing === "unsigned") p.delete("timestamp");
    else p.set("signature", r.signing === "forged" ? "0".repeat(40) : sha1Signature(TOKEN, ts, nonce));
    if (r.signing.startsWith("aes")) {
      const cipher = r.signing === "aes-garbage" ? Buffer.from(r.xml, "utf8").toString("base64") : encrypt(AES_KEY, r.xml, r.signing === "aes-other-appid" ? "wxOTHER000000000" : APPID);
      p.set("encrypt_type", "aes");
      if (r.signing !== "aes-unsigned-outer") p.set("msg_signature", sha1Signature(TOKEN, ts, nonce, cipher));
      body = `<xml><ToUserName>${cdata("gh_qinghai")}</ToUserName><Encrypt>${cdata(cipher)}</Encrypt></xml>`;
    }
    if (r.method === "GET") p.set("echostr", r.echostr);
    const headers: Record<string, string> = {};
    if (r.contentType) headers["content-type"] = r.contentType;
    if (r.encoding) headers["content-encoding"] = r.encoding;
    const latin = /^[\x00-\xff]*$/.test(body) && !/^[\x00-\x7f]*$/.test(body);
    const plainMode = !r.signing.startsWith("aes");
    return {
      plainService: plainMode !== r.crossed,
      target: `${r.method} /wechat (${r.signing}${r.crossed ? ", other mode's account" : ""})`,
      method: r.method,
      path: `/wechat?${p.toString().replace(/%EF%BF%BD/g, "%ED%A0%80")}${r.extraQuery}`,
      headers,
      body: r.method === "GET" ? undefined : Buffer.from(body, latin ? "latin1" : "utf8"),
    };
  });

// ---------------------------------------------------------------------------------------------
// Signed webhooks

/** POST /api/v1/integrations/applications/events and /12345/callbacks, signed or not. */
export function webhookRequest(k: Known): fc.Arbitrary<FuzzRequest> {
  const eventBody = fc.record(
    {
      eventId: fc.oneof(fc.uuid(), nastyString),
      number: fc.oneof(fc.constantFrom(...(k.applicationNumbers.length ? k.applicationNumbers : ["X"])), nastyString),
      externalRef: nastyString,
      status: fc.oneof(fc.constantFrom("accepted", "in_review", "approved", "rejected", "completed", "paused", "resumed", "withdrawn", "补正", "__proto__"), nastyString),
      occurredAt: fc.oneof(fc.date({ noInvalidDate: true, min: new Date("2020-01-01"), max: new Date("2030-01-01") }).map((d) => d.toISOString()), nastyString, fc.integer().map(String)),
      note: nastyString,
      actor: nastyString,
      details: nastyJson,
    },
    { requiredKeys: [] },
  );
  const callbackBody = fc.record(
    {
      eventId: fc.oneof(fc.uuid(), nastyString),
      ticketNo: fc.oneof(fc.constantFrom(...(k.ticketNos.length ? k.ticketNos : ["QH1"])), nastyString),
      status: fc.oneof(fc.constantFrom("progress", "replied", "closed", "__proto__", "toString"), nastyString),
      note: nastyString,
      replyText: nastyString,
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      which: fc.constantFrom("events", "callbacks"),
      events: eventBody,
      callbacks: callbackBody,
      raw: sometimes(nastyBodyBytes.map((b) => b.toString("latin1")), 3),
      mutate: sometimes(fc.tuple(fc.integer({ min: 0, max: 7 }), nastyString), 2),
      signing: fc.constantFrom("good", "good", "good", "none", "bad", "stale", "future", "prefixed", "unknown-id", "upper"),
      framing: bodyFraming,
    })
    .map((r) => {
      let text = r.raw ?? toJson(r.which === "events" ? r.events : r.callbacks);
      if (r.mutate) text = mutateJsonText(text, r.mutate[0], r.mutate[1]);
      const latin = r.raw !== null && /[\x80-\xff]/.test(text) && /^[\x00-\xff]*$/.test(text);
      const bytes = Buffer.from(text, latin ? "latin1" : "utf8");
      const signed = bytes.toString("utf8");
      const now = Math.floor(Date.now() / 1000);
      const ts = String(r.signing === "stale" ? now - 3600 : r.signing === "future" ? now + 3600 : now);
      const secret = r.which === "events" ? k.integration.secret : k.twelve345Secret;
      let sig = signWebhook(secret, ts, signed);
      if (r.signing === "bad") sig = sig.replace(/^./, (c) => (c === "0" ? "1" : "0"));
      if (r.signing === "upper") sig = sig.toUpperCase();
      const headers: Record<string, string> = {};
      if (r.framing.type) headers["content-type"] = r.framing.type;
      if (r.framing.encoding) headers["content-encoding"] = r.framing.encoding;
      if (r.signing !== "none") {
        if (r.which === "events") {
          headers["x-integration-id"] = r.signing === "unknown-id" ? "__proto__" : k.integration.id;
          headers["x-timestamp"] = ts;
          headers["x-signature"] = r.signing === "prefixed" ? `sha256=${sig}` : sig;
        } else {
          headers["x-12345-timestamp"] = ts;
          headers["x-12345-signature"] = sig;
        }
      }
      const path = r.which === "events" ? "/api/v1/integrations/applications/events" : "/api/v1/integrations/12345/callbacks";
      return { target: `POST ${path} (${r.signing})`, method: "POST", path, headers, body: bytes };
    });
}

// ---------------------------------------------------------------------------------------------
// Open311

export function open311Request(k: Known): fc.Arbitrary<FuzzRequest> {
  const code = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...k.serviceCodes) }, { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }, { weight: 2, arbitrary: nastyString });
  // Mostly what a client sends, a hostile value here and there.
  const or = (good: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: nastyString });
  const postBody = fc.record(
    {
      api_key: or(fc.constant(k.open311Key)),
      service_code: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...k.serviceCodes) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }, { weight: 1, arbitrary: nastyString }),
      lat: or(fc.double({ min: -90, max: 90, noNaN: true }).map(String)),
      long: or(fc.double({ min: -180, max: 180, noNaN: true }).map(String)),
      address_string: or(fc.constantFrom("西宁市城西区五四西路", "海东市乐都区")),
      description: or(fc.constantFrom("小区门口的路灯坏了一个月了，晚上很黑", "楼下餐馆油烟太大，窗户都不敢开")),
      first_name: or(fc.constantFrom("三", "Li")),
      last_name: or(fc.constantFrom("张", "Wang")),
      phone: or(fc.constant("13800000000")),
      email: or(fc.constant("a@example.cn")),
    },
    { requiredKeys: ["api_key", "service_code", "description", "address_string"] },
  );
  const get = fc
    .record({
      what: fc.constantFrom("services", "service", "requests", "request", "token"),
      seg: fc.oneof(code.map(pct), fc.constantFrom(...(k.ticketNos.length ? k.ticketNos : ["QH1"]), ...k.complaintIds), urlNasty.map(pct), rawSegment),
      query: fc.array(
        fc.tuple(fc.constantFrom("service_request_id", "service_code", "status", "start_date", "end_date", "api_key", "__proto__", "jurisdiction_id"), fc.oneof(code, fc.constantFrom("open", "closed", "2026-01-01T00:00:00Z", "2026-13-01T00:00:00+08:00", ...k.ticketNos), urlNasty)),
        { maxLength: 4 },
      ),
    })
    .map(({ what, seg, query }) => {
      const base = { services: "services", service: `services/${seg}`, requests: "requests", request: `requests/${seg}`, token: `tokens/${seg}` }[what];
      return { base, method: "GET", query, body: undefined as Buffer | undefined, headers: {} as Record<string, string> };
    });
  const post = fc
    .record({
      body: postBody,
      extra: fc.oneof({ weight: 3, arbitrary: fc.constant<[string, string][]>([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, "service_code", "description", "attribute[x]", "attribute[__proto__]"), nastyString), { maxLength: 3 }) }),
      as: fc.constantFrom("form", "form", "json", "raw"),
      raw: nastyBodyBytes,
      framing: bodyFraming,
      keyHeader: fc.boolean(),
      idem: sometimes(fc.constantFrom("k1", "k2", "\xff"), 3),
    })
    .map(({ body, extra, as, raw, framing, keyHeader, idem }) => {
      const pairs: [string, string][] = [...Object.entries(body as Record<string, string>), ...extra];
      const headers: Record<string, string> = {};
      let bytes: Buffer;
      if (as === "form") {
        bytes = Buffer.from(formEncode(pairs));
        headers["content-type"] = "application/x-www-form-urlencoded";
      } else if (as === "json") {
        bytes = Buffer.from(toJson(new Pairs(pairs)));
        headers["content-type"] = "application/json";
      } else {
        bytes = raw;
        if (framing.type) headers["content-type"] = framing.type;
      }
      if (framing.encoding && as !== "form") headers["content-encoding"] = framing.encoding;
      if (keyHeader) headers["x-api-key"] = k.open311Key;
      if (idem) headers["idempotency-key"] = idem;
      return { base: "requests", method: "POST", query: [] as [string, string][], body: bytes, headers };
    });
  return fc
    .record({ req: fc.oneof(get, post), format: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("json", "xml") }, fc.constantFrom("JSON", "html", "", "json.json")), wrongMethod: sometimes(fc.constantFrom("PUT", "DELETE", "POST", "GET"), 15) })
    .map(({ req, format, wrongMethod }) => {
      const q = formEncode(req.query);
      const path = `/open311/v2/${req.base}${format ? `.${format}` : ""}${q ? `?${q}` : ""}`;
      const method = wrongMethod ?? req.method;
      return { target: `${req.method} /open311/v2/${req.base.split("/")[0]}.${format}`, method, path, headers: req.headers, body: method === "GET" ? undefined : req.body };
    });
}

// ---------------------------------------------------------------------------------------------
// Pages and everything else

export function pageRequest(k: Known): fc.Arbitrary<FuzzRequest> {
  const seg = fc.oneof(fc.constantFrom(...k.itemCodes.slice(0, 5), ...k.ticketNos).map(pct), urlNasty.map(pct), rawSegment, fc.tuple(fc.constantFrom(...k.itemCodes.slice(0, 3)), rawSegment).map(([a, b]) => a + b));
  return fc
    .record({
      kind: fc.constantFrom("guide", "guide", "public", "rate-get", "rate-post", "health", "random"),
      seg,
      lang: sometimes(fc.oneof(fc.constantFrom("bo", "zh", "__proto__", "constructor"), urlNasty), 2),
      t: urlNasty,
      body: fc.oneof(nastyBodyBytes, fc.tuple(fc.constantFrom("满意", "非常不满意", "__proto__", "toString"), nastyString).map(([s, t]) => Buffer.from(formEncode([["satisfaction", s], ["t", t]])))),
      framing: bodyFraming,
      health: fc.constantFrom("/healthz", "/readyz", "/openapi.json", "/metrics", "/", "/favicon.ico", "/api", "/api/v1", "/api/v1/", "/API/V1/ITEMS", "//api//v1//items", "/api/v1/items/", "/wechat/", "/open311/v2/", "/%00", "/%ED%A0%80", "/\xff", "/api/v1/admin", "/api/v1/admin/%2e%2e/items", "/guides/", "/guides/..%2f..%2fetc%2fpasswd"),
      random: fc.array(fc.oneof(nastyString.filter((s) => s.length < 200).map(pct), rawSegment), { minLength: 1, maxLength: 5 }),
      ifNoneMatch: sometimes(fc.constantFrom("*", "\"x\"", "W/\"x\", \"y\"", "\xff"), 4),
    })
    .map((r) => {
      const headers: Record<string, string> = {};
      if (r.ifNoneMatch) headers["if-none-match"] = r.ifNoneMatch;
      const lang = r.lang === null ? "" : `?lang=${pct(r.lang)}`;
      switch (r.kind) {
        case "guide":
          return { target: "GET /guides/:code", method: "GET", path: `/guides/${r.seg}${lang}`, headers };
        case "public":
          return { target: "GET /complaints/public", method: "GET", path: `/complaints/public${lang}`, headers };
        case "rate-get":
          return { target: "GET /complaints/rate/:ticketNo", method: "GET", path: `/complaints/rate/${r.seg}?t=${pct(r.t)}`, headers };
        case "rate-post":
          if (r.framing.type) headers["content-type"] = r.framing.type.includes("json") ? "application/x-www-form-urlencoded" : r.framing.type;
          if (r.framing.encoding) headers["content-encoding"] = r.framing.encoding;
          return { target: "POST /complaints/rate/:ticketNo", method: "POST", path: `/complaints/rate/${r.seg}`, headers, body: r.body };
        case "health":
          return { target: `GET ${r.health}`, method: "GET", path: r.health, headers };
        default:
          return { target: "GET (random path)", method: "GET", path: `/${r.random.join("/")}`, headers };
      }
    });
}

// ---------------------------------------------------------------------------------------------
// Mini-program complaints with images (multipart)

const IMAGE_HEADS = [
  [0xff, 0xd8, 0xff, 0xe0],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
  [0x3c, 0x73, 0x76, 0x67], // "<svg": refused
  [],
];

/** POST /api/v1/mp/complaints as multipart/form-data: odd fields, file names, images and framing. */
export function multipartComplaint(k: Known): fc.Arbitrary<FuzzRequest> {
  const part = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom("text", "kind", "address", "lat", "lng", "urgent", "contactConsent", "publicationConsent", "occurredAt", ...PROTOTYPE_KEYS), fc.oneof({ weight: 2, arbitrary: fc.constantFrom("小区门口的路灯坏了一个月了，晚上很黑", "complaint", "true", "36.6") }, { weight: 1, arbitrary: nastyString })).map(([name, value]) => ({ name, value })) },
    {
      weight: 2,
      arbitrary: fc
        .record({
          field: fc.oneof({ weight: 4, arbitrary: fc.constant("images") }, { weight: 1, arbitrary: fc.constantFrom("image", "images[]", "__proto__", "") }),
          filename: fc.oneof(fc.constantFrom("a.jpg", "../../etc/passwd", "a\u0000.png", "驾照.webp", "x".repeat(300), ""), nastyString.filter((s) => !/["\r\n]/.test(s) && s.length < 100)),
          type: fc.constantFrom("image/jpeg", "image/png", "text/html", "application/octet-stream", ""),
          head: fc.constantFrom(...IMAGE_HEADS),
          size: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 2000 }) }, { weight: 1, arbitrary: fc.constantFrom(5 * 1024 * 1024 + 1, 3_000_000) }),
        })
        .map((f) => ({ name: f.field, filename: f.filename, type: f.type, data: Buffer.concat([Buffer.from(f.head), Buffer.alloc(f.size, 0x41)]) })),
    },
  );
  return fc
    .record({
      parts: fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constant([{ name: "text", value: "小区门口的路灯坏了一个月了，晚上很黑" }]) }, { weight: 1, arbitrary: fc.constant([]) }), fc.array(part, { minLength: 0, maxLength: 12 })).map(([a, b]) => [...a, ...b]),
      boundary: fc.oneof({ weight: 5, arbitrary: fc.constant("fuzzboundary") }, { weight: 1, arbitrary: fc.constantFrom("", "a".repeat(80), "\"quoted\"", "x y") }),
      truncate: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      token: fc.oneof({ weight: 6, arbitrary: anySession(k) }, { weight: 1, arbitrary: fc.constant("nope") }),
    })
    .map(({ parts, boundary, truncate, token }) => {
      const b = boundary.replace(/"/g, "") || "x";
      const chunks: Buffer[] = [];
      for (const p of parts) {
        const head =
          "data" in p
            ? `--${b}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${Buffer.from(p.filename, "utf8").toString("latin1")}"\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`
            : `--${b}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`;
        chunks.push(Buffer.from(head, "latin1"), "data" in p ? p.data : Buffer.from(p.value, "utf8"), Buffer.from("\r\n"));
      }
      chunks.push(Buffer.from(`--${b}--\r\n`));
      let body = Buffer.concat(chunks);
      if (truncate) body = body.subarray(0, Math.floor(body.length / 2));
      return {
        target: "POST /api/v1/mp/complaints (multipart)",
        method: "POST",
        path: "/api/v1/mp/complaints",
        headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
        body,
      };
    });
}
