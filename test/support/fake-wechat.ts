import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake WeChat API server on 127.0.0.1 speaking the documented protocol, for the Official
 * Account and the mini-program. Point WECHAT_API_BASE / MP_API_BASE at `fake.url`.
 *
 *   const fake = await startFakeWechat();
 *   fake.addLogin("code-1", { openid: "o1", unionid: "u1" });   // wx.login code → session
 *   fake.addPhone("phone-code", "13800000000");                  // getPhoneNumber code → phone
 *   fake.failNext("/cgi-bin/message/custom/send", { errcode: 45015 });
 *   fake.calls("/cgi-bin/message/custom/send")[0]?.body          // what was sent
 *   fake.tokenFetches()                                          // token + stable_token calls
 *   fake.setWebUser({ openid: "oA" });  // who holds the phone on WeChat's web authorization page
 *
 * Web authorization (公众号网页授权) as documented: GET /connect/oauth2/authorize (the page
 * WeChat shows; scope snsapi_base is silent) answers 302 to `redirect_uri?code=…&state=…`;
 * GET /sns/oauth2/access_token exchanges a code once, within five minutes, for the same appid
 * (40029 invalid code, 40163 code been used, 41008 missing code, 40013/40125 bad app).
 *
 * Tokens are real state: protected calls answer 41001 without one, 40001 for unknown or
 * invalidated tokens (`invalidateTokens()`), 42001 for expired ones (`expireTokens()`).
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (or undefined for GET). */
  body: unknown;
  at: number;
  /** What the fake answered: errcode (0 = ok) or HTTP status for injected HTTP failures. */
  errcode?: number;
  status?: number;
}

export type Failure = { errcode: number; errmsg?: string } | { status: number };

export interface LoginMapping {
  openid: string;
  unionid?: string;
  session_key?: string;
}

export interface FakeWechatOptions {
  /** appid → secret accepted by the token endpoints; default: any. */
  apps?: Record<string, string>;
  tokenTtlSeconds?: number;
  /** Unknown login codes get `openid: "o_<code>"` instead of 40029. */
  autoLogin?: boolean;
}

export interface FakeWechat {
  url: string;
  requests: RecordedRequest[];
  calls(path: string): RecordedRequest[];
  /** Calls to `path` that WeChat would have accepted (errcode 0). */
  accepted(path: string): RecordedRequest[];
  counters: { token: number; stableToken: number; forceRefresh: number };
  tokenFetches(): number;
  /** The next `times` calls to `path` fail (errcode answer with HTTP 200, or an HTTP status). */
  failNext(path: string, failure: Failure, times?: number): void;
  /** Every call to `path` fails until clearFailures(). */
  failAlways(path: string, failure: Failure): void;
  clearFailures(): void;
  /** Answer calls to `path` ("*" for all) after `ms`. */
  delay(path: string, ms: number): void;
  /** Every token issued so far answers 40001 (as after a /token call elsewhere). */
  invalidateTokens(): void;
  /** Every token issued so far answers 42001. */
  expireTokens(): void;
  addLogin(code: string, mapping: LoginMapping): void;
  addPhone(code: string, phoneNumber: string, countryCode?: string): void;
  /** The WeChat user on the web-authorization page (undefined: a browser outside WeChat). */
  setWebUser(user: LoginMapping | undefined): void;
  /** Web-authorization codes issued so far (the redirects' `code`s). */
  webCodes(): string[];
  /** Forget requests, counters, failures and delays (tokens and mappings stay). */
  reset(): void;
  close(): Promise<void>;
}

interface TokenState {
  appid: string;
  expiresAt: number;
  state: "ok" | "invalid" | "expired";
}

const PROTECTED = new Set([
  "/cgi-bin/message/custom/send",
  "/cgi-bin/message/template/send",
  "/cgi-bin/message/subscribe/send",
  "/cgi-bin/menu/create",
  "/wxa/business/getuserphonenumber",
]);

export async function startFakeWechat(opts: FakeWechatOptions = {}): Promise<FakeWechat> {
  const ttl = opts.tokenTtlSeconds ?? 7200;
  const requests: RecordedRequest[] = [];
  const counters = { token: 0, stableToken: 0, forceRefresh: 0 };
  const failures = new Map<string, { failure: Failure; times: number }[]>();
  const delays = new Map<string, number>();
  const tokens = new Map<string, TokenState>();
  const current = new Map<string, string>(); // appid → latest stable token
  const logins = new Map<string, LoginMapping>();
  const usedCodes = new Set<string>();
  const phones = new Map<string, { phoneNumber: string; countryCode: string }>();
  let webUser: LoginMapping | undefined;
  const webCodes = new Map<string, { appid: string; user: LoginMapping; scope: string; issuedAt: number }>();
  const WEB_CODE_TTL_MS = 5 * 60_000;

  /** The authorization page: 302 back to redirect_uri with a fresh code, or why WeChat would not. */
  function authorize(query: Record<string, string>): { status: number; location?: string; text?: string } {
    const bad = query.appid ? checkApp(query.appid, opts.apps?.[query.appid] ?? "") : { errcode: 41002 };
    if (bad) return { status: 200, text: "fake-wechat: 10003 redirect_uri / appid 参数错误" };
    if (query.response_type !== "code" || !["snsapi_base", "snsapi_userinfo"].includes(query.scope ?? "")) return { status: 200, text: "fake-wechat: 10005 scope 参数错误" };
    let target: URL;
    try {
      target = new URL(query.redirect_uri ?? "");
    } catch {
      return { status: 200, text: "fake-wechat: 10003 redirect_uri 参数错误" };
    }
    if (!webUser) return { status: 200, text: "fake-wechat: 请在微信客户端打开链接" };
    const code = `wc_${crypto.randomBytes(12).toString("hex")}`;
    webCodes.set(code, { appid: query.appid!, user: webUser, scope: query.scope!, issuedAt: Date.now() });
    target.searchParams.set("code", code);
    target.searchParams.set("state", query.state ?? "");
    return { status: 302, location: target.toString() };
  }

  const issue = (appid: string): string => {
    const token = `tok_${crypto.randomBytes(12).toString("hex")}`;
    tokens.set(token, { appid, expiresAt: Date.now() + ttl * 1000, state: "ok" });
    return token;
  };
  const checkApp = (appid: string, secret: string): object | undefined => {
    if (!appid) return { errcode: 41002, errmsg: "appid missing" };
    if (!opts.apps) return undefined;
    if (!(appid in opts.apps)) return { errcode: 40013, errmsg: "invalid appid" };
    if (opts.apps[appid] !== secret) return { errcode: 40125, errmsg: "invalid appsecret" };
    return undefined;
  };
  const tokenCheck = (token: string | undefined): { errcode: number; errmsg: string } | TokenState => {
    if (!token) return { errcode: 41001, errmsg: "access_token missing" };
    const s = tokens.get(token);
    if (!s || s.state === "invalid") return { errcode: 40001, errmsg: "invalid credential, access_token is invalid or not latest" };
    if (s.state === "expired" || s.expiresAt < Date.now()) return { errcode: 42001, errmsg: "access_token expired" };
    return s;
  };
  const ok = (extra: object = {}) => ({ errcode: 0, errmsg: "ok", ...extra });

  function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>): object {
    if (path === "/cgi-bin/token" && method === "GET") {
      counters.token++;
      const bad = checkApp(query.appid ?? "", query.secret ?? "");
      if (bad) return bad;
      if (query.grant_type !== "client_credential") return { errcode: 40002, errmsg: "invalid grant_type" };
      return { access_token: issue(query.appid!), expires_in: ttl };
    }
    if (path === "/cgi-bin/stable_token" && method === "POST") {
      counters.stableToken++;
      const appid = String(body.appid ?? "");
      const bad = checkApp(appid, String(body.secret ?? ""));
      if (bad) return bad;
      if (body.force_refresh) counters.forceRefresh++;
      // Normal mode returns the same token to every caller while it is valid (the documented idempotence).
      const cur = current.get(appid);
      const s = cur ? tokens.get(cur) : undefined;
      if (cur && s && s.state === "ok" && s.expiresAt > Date.now() && !body.force_refresh) {
        return { access_token: cur, expires_in: Math.floor((s.expiresAt - Date.now()) / 1000) };
      }
      const token = issue(appid);
      current.set(appid, token);
      return { access_token: token, expires_in: ttl };
    }
    if (path === "/sns/jscode2session" && method === "GET") {
      const bad = checkApp(query.appid ?? "", query.secret ?? "");
      if (bad) return bad;
      const code = query.js_code ?? "";
      if (usedCodes.has(code)) return { errcode: 40163, errmsg: "code been used" };
      const m = logins.get(code) ?? (opts.autoLogin && code ? { openid: `o_${code}` } : undefined);
      if (!m) return { errcode: 40029, errmsg: "invalid code" };
      usedCodes.add(code);
      return { openid: m.openid, session_key: m.session_key ?? crypto.randomBytes(16).toString("base64"), ...(m.unionid ? { unionid: m.unionid } : {}) };
    }
    if (path === "/sns/oauth2/access_token" && method === "GET") {
      const bad = checkApp(query.appid ?? "", query.secret ?? "");
      if (bad) return bad;
      if (query.grant_type !== "authorization_code") return { errcode: 40002, errmsg: "invalid grant_type" };
      const code = query.code ?? "";
      if (!code) return { errcode: 41008, errmsg: "missing code" };
      if (usedCodes.has(code)) return { errcode: 40163, errmsg: "code been used" };
      const issued = webCodes.get(code);
      if (!issued || issued.appid !== query.appid || Date.now() - issued.issuedAt > WEB_CODE_TTL_MS) return { errcode: 40029, errmsg: "invalid code" };
      usedCodes.add(code);
      return {
        access_token: `wat_${crypto.randomBytes(12).toString("hex")}`,
        expires_in: 7200,
        refresh_token: `wrt_${crypto.randomBytes(12).toString("hex")}`,
        openid: issued.user.openid,
        scope: issued.scope,
        ...(issued.user.unionid ? { unionid: issued.user.unionid } : {}),
      };
    }
    if (!PROTECTED.has(path) || method !== "POST") return { errcode: 404, errmsg: `fake-wechat: no ${method} ${path}` };
    const tok = tokenCheck(query.access_token);
    if ("errcode" in tok) return tok;
    switch (path) {
      case "/cgi-bin/message/template/send":
        return ok({ msgid: 2_000_000_000_000_000 + requests.length });
      case "/wxa/business/getuserphonenumber": {
        const p = phones.get(String(body.code ?? ""));
        if (!p) return { errcode: 40029, errmsg: "invalid code" };
        return ok({
          phone_info: {
            phoneNumber: p.countryCode === "86" ? p.phoneNumber : `+${p.countryCode}${p.phoneNumber}`,
            purePhoneNumber: p.phoneNumber,
            countryCode: p.countryCode,
            watermark: { timestamp: Math.floor(Date.now() / 1000), appid: tok.appid },
          },
        });
      }
      default:
        return ok();
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const u = new URL(req.url ?? "/", "http://fake");
      const query = Object.fromEntries(u.searchParams);
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const method = req.method ?? "GET";
      const rec: RecordedRequest = { method, path: u.pathname, query, body, at: Date.now() };
      requests.push(rec);
      if (u.pathname === "/connect/oauth2/authorize" && method === "GET") {
        const a = authorize(query);
        rec.status = a.status;
        if (a.location) res.writeHead(302, { location: a.location }).end();
        else res.writeHead(a.status, { "content-type": "text/plain; charset=utf-8" }).end(a.text);
        return;
      }
      const send = () => {
        const list = failures.get(u.pathname);
        const f = list?.[0];
        if (f) {
          if (--f.times <= 0 && f.times !== Infinity) list.shift();
          if ("status" in f.failure) {
            rec.status = f.failure.status;
            res.writeHead(f.failure.status, { "content-type": "text/html" }).end("fake-wechat: injected failure");
            return;
          }
          rec.errcode = f.failure.errcode;
          res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
          res.end(JSON.stringify({ errcode: f.failure.errcode, errmsg: f.failure.errmsg ?? `injected ${f.failure.errcode}` }));
          return;
        }
        const answer = route(method, u.pathname, query, body && typeof body === "object" ? (body as Record<string, unknown>) : {});
        rec.errcode = "errcode" in answer ? Number(answer.errcode) : 0;
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(answer));
      };
      const ms = delays.get(u.pathname) ?? delays.get("*") ?? 0;
      if (ms > 0) setTimeout(send, ms);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;

  const addFailure = (path: string, failure: Failure, times: number) => {
    const list = failures.get(path) ?? [];
    list.push({ failure, times });
    failures.set(path, list);
  };

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (path) => requests.filter((r) => r.path === path),
    accepted: (path) => requests.filter((r) => r.path === path && r.errcode === 0),
    counters,
    tokenFetches: () => counters.token + counters.stableToken,
    failNext: (path, failure, times = 1) => addFailure(path, failure, times),
    failAlways: (path, failure) => addFailure(path, failure, Infinity),
    clearFailures: () => failures.clear(),
    delay: (path, ms) => void delays.set(path, ms),
    invalidateTokens: () => tokens.forEach((s) => (s.state = "invalid")),
    expireTokens: () => tokens.forEach((s) => (s.state = "expired")),
    addLogin: (code, mapping) => {
      logins.set(code, mapping);
      usedCodes.delete(code);
    },
    addPhone: (code, phoneNumber, countryCode = "86") => void phones.set(code, { phoneNumber, countryCode }),
    setWebUser: (user) => void (webUser = user),
    webCodes: () => [...webCodes.keys()],
    reset() {
      requests.length = 0;
      Object.assign(counters, { token: 0, stableToken: 0, forceRefresh: 0 });
      failures.clear();
      delays.clear();
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
