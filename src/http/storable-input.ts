import type { Context, Middleware } from "koa";
import { platformErrors, validationFailed } from "../platform/platform-errors";

/**
 * Deeper than any request body of this API (an admin guide form is about six levels); a
 * deeper one is refused before anything walks it.
 */
const MAX_BODY_DEPTH = 32;

/**
 * Text that cannot be stored: PostgreSQL's text types refuse NUL (U+0000), and a lone UTF-16
 * surrogate is not Unicode, so it cannot be written as UTF-8 at all.
 */
const UNSTORABLE = /[\u0000\p{Cs}]/u;
const unstorable = (s: string) => UNSTORABLE.test(s);

/**
 * The first problem in a parsed value as "where: what", or undefined when every string and
 * key in it can be stored. Walks arrays and plain objects to MAX_BODY_DEPTH.
 */
function findUnstorable(value: unknown, where: string, depth = 0): string | undefined {
  if (typeof value === "string") return unstorable(value) ? `${where}: contains a NUL character or invalid Unicode` : undefined;
  if (value === null || typeof value !== "object") return undefined;
  if (depth >= MAX_BODY_DEPTH) return `${where}: nested deeper than ${MAX_BODY_DEPTH} levels`;
  for (const [key, inner] of Object.entries(value)) {
    if (unstorable(key)) return `${where}: a key contains a NUL character or invalid Unicode`;
    const problem = findUnstorable(inner, `${where}.${key}`, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** Refuses a parsed body (JSON, form or multipart fields) that holds unstorable text, naming the field. */
export function assertStorableBody(body: unknown): void {
  const problem = findUnstorable(body, "body");
  if (problem) throw validationFailed([issueOf(problem)]);
}

const issueOf = (problem: string) => {
  const at = problem.indexOf(": ");
  return { path: problem.slice(0, at), message: problem.slice(at + 2) };
};

/**
 * The boundary rule for the request line: a path or query string that is not percent-encoded
 * UTF-8, or that decodes to unstorable text, is refused (400) before any route sees it — route
 * parameters go straight into database lookups. Requests without a `%` (nearly all, and
 * WeChat's callback) are not decoded here at all.
 */
export function refuseUnstorableRequestLine(): Middleware {
  return (c, next) => {
    if (c.path.includes("%")) checkPath(c.path);
    if (c.querystring.includes("%")) checkQuery(c);
    return next();
  };
}

function checkPath(path: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw platformErrors("path_not_utf8");
  }
  if (unstorable(decoded)) throw platformErrors("path_unstorable");
}

function checkQuery(c: Context): void {
  for (const pair of c.querystring.split("&")) {
    // The first "=" ends the name; the value is all the rest (split's limit would drop it).
    const at = pair.indexOf("=");
    const [name = "", value = ""] = (at < 0 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)]).map((s) => s.replace(/\+/g, " "));
    let decoded: string;
    try {
      decoded = decodeURIComponent(name) + decodeURIComponent(value);
    } catch {
      throw queryError(name, "not valid percent-encoded UTF-8");
    }
    if (unstorable(decoded)) throw queryError(name, "contains a NUL character or invalid Unicode");
  }
}

const queryError = (name: string, what: string) => {
  const field = `query.${safeName(name)}`;
  return validationFailed([{ path: field, message: what }]);
};

/** A parameter name fit to echo in an error (its own decoding may be what failed). */
const safeName = (name: string) => {
  try {
    return decodeURIComponent(name).replace(/[^\p{L}\p{N}_.-]/gu, "?").slice(0, 40);
  } catch {
    return "?";
  }
};
