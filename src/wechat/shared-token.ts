import crypto from "node:crypto";
import WechatAPI from "co-wechat-api";
import type { KeyValueStore } from "../platform/store";

export interface ApiOptions {
  appId: string;
  appSecret: string;
  /** e.g. https://api.weixin.qq.com (WECHAT_API_BASE / MP_API_BASE); tests point it at the fake server. */
  apiBase: string;
  /** Shared by every instance: the access token lives here, not in process memory. */
  store: KeyValueStore;
  /** Per-request timeout (httpx default is 3 s). */
  timeoutMs?: number;
}

interface StableTokenAnswer {
  access_token: string;
  expires_in: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * co-wechat-api with its access token shared through the KeyValueStore and refreshed once.
 * co-wechat-api takes no lock, so N instances with an expired cache would each call /token and
 * each invalidate the previous token. Instead:
 * - tokens come from `POST /cgi-bin/stable_token`, which returns the same token to every
 *   caller while it is valid ("获取稳定版接口调用凭据"), so even a lost race costs nothing;
 * - a `setIfAbsent` lock makes one instance fetch while the others wait for the stored token;
 * - after a 40001/42001, co-wechat-api drops the token (`saveToken(null)`) and asks again; if
 *   stable_token hands back the rejected token we ask once with `force_refresh` (limited to
 *   20 a day by WeChat, so only then).
 */
export function createSharedTokenApi(opts: ApiOptions): WechatAPI {
  const tokenKey = `wechat:token:${opts.appId}`;
  const lockKey = `${tokenKey}:lock`;
  const owner = crypto.randomUUID();
  let rejected: string | undefined;

  const readValid = async (): Promise<WechatAPI.AccessToken | null> => {
    const raw = await opts.store.get(tokenKey);
    if (!raw) return null;
    const { accessToken, expireTime } = JSON.parse(raw) as { accessToken: string; expireTime: number };
    const t = new WechatAPI.AccessToken(accessToken, expireTime);
    return t.isValid() && accessToken !== rejected ? t : null;
  };

  class SharedTokenAPI extends WechatAPI {
    private async fetchStable(force: boolean): Promise<StableTokenAnswer> {
      const data = JSON.stringify({ grant_type: "client_credential", appid: this.appid, secret: this.appsecret, force_refresh: force });
      // retry = 0: a token endpoint never answers 40001, and must not recurse into getAccessToken.
      return this.request<StableTokenAnswer>(`${this.prefix}stable_token`, { method: "POST", data, headers: { "Content-Type": "application/json" } }, 0);
    }

    private async fetchAndSave(): Promise<WechatAPI.AccessToken> {
      let d = await this.fetchStable(false);
      if (rejected && d.access_token === rejected) d = await this.fetchStable(true);
      // Refresh a minute early: a token used at the edge of its life would earn a 42001.
      const ttl = Math.max(1, Number(d.expires_in) - 60);
      const t = new WechatAPI.AccessToken(d.access_token, Date.now() + ttl * 1000);
      await opts.store.set(tokenKey, JSON.stringify({ accessToken: t.accessToken, expireTime: t.expireTime }), ttl);
      rejected = undefined;
      return t;
    }

    override async getAccessToken(): Promise<WechatAPI.AccessToken> {
      const giveUpWaiting = Date.now() + 5000;
      for (;;) {
        const cached = await readValid();
        if (cached) return cached;
        if (await opts.store.setIfAbsent(lockKey, owner, 15)) {
          try {
            return (await readValid()) ?? (await this.fetchAndSave());
          } finally {
            await opts.store.del(lockKey);
          }
        }
        // The holder died or is slow; stable_token is idempotent, so fetching ourselves is safe.
        if (Date.now() > giveUpWaiting) return this.fetchAndSave();
        await sleep(50);
      }
    }
  }

  const api = new SharedTokenAPI(
    opts.appId,
    opts.appSecret,
    readValid,
    async (token) => {
      if (token) return; // fetchAndSave stores tokens itself
      // co-wechat-api got 40001/42001: remember which token failed so it is not handed out again.
      const raw = await opts.store.get(tokenKey);
      if (raw) rejected = (JSON.parse(raw) as { accessToken: string }).accessToken;
    },
  );
  const base = opts.apiBase.replace(/\/+$/, "");
  api.prefix = `${base}/cgi-bin/`;
  api.snsPrefix = `${base}/sns/`;
  api.wxaPrefix = `${base}/wxa/`;
  api.customservicePrefix = `${base}/customservice/`;
  api.setOpts({ timeout: opts.timeoutMs ?? 5000 });
  return api;
}

/** POST JSON to `<prefix>path?access_token=…`; co-wechat-api retries it on 40001/42001. */
export async function postWithToken<T>(api: WechatAPI, url: string, body: unknown): Promise<T> {
  const { accessToken } = await api.ensureAccessToken();
  const sep = url.includes("?") ? "&" : "?";
  return api.request<T>(`${url}${sep}access_token=${encodeURIComponent(accessToken)}`, {
    method: "POST",
    dataType: "json",
    data: JSON.stringify(body),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
  });
}
