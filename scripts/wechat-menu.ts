/**
 * npm run wechat:menu — publishes templates/wechat/menu.json (URLs from PUBLIC_BASE_URL) to the
 * Official Account through POST /cgi-bin/menu/create. `--dry-run` prints the menu instead.
 * Exits 1 when WeChat is not configured or the menu is invalid, 2 when WeChat answers an error.
 */
import { loadConfig } from "../src/platform/config";
import { createStore } from "../src/platform/store";
import { createWechatClient, loadMenu, WechatApiError } from "../src/wechat";

async function main(): Promise<number> {
  const config = loadConfig();
  const { menu } = loadMenu(config.PUBLIC_BASE_URL);
  if (process.argv.includes("--dry-run")) {
    console.log(JSON.stringify(menu, null, 2));
    return 0;
  }
  if (!config.WECHAT_APPID || !config.WECHAT_APPSECRET) {
    console.error("wechat:menu: WeChat is not configured — set WECHAT_TOKEN, WECHAT_APPID and WECHAT_APPSECRET (see .env.example).");
    return 1;
  }
  // The shared store, so the token this script obtains is the one the running service uses.
  const store = createStore(config);
  try {
    await createWechatClient({ appId: config.WECHAT_APPID, appSecret: config.WECHAT_APPSECRET, apiBase: config.WECHAT_API_BASE, store }).createMenu(menu);
    console.log(`wechat:menu: published ${menu.button.length} top-level buttons to ${config.WECHAT_API_BASE}`);
    return 0;
  } catch (e) {
    const detail = e instanceof WechatApiError ? e.message : String(e);
    console.error(`wechat:menu: WeChat refused the menu: ${detail}`);
    return 2;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`wechat:menu: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
