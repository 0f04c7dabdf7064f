import fs from "node:fs";
import path from "node:path";
import { defaultTemplatesDir } from "../platform/templates";
import type { MenuButton } from "./client";

/** A button in templates/wechat/menu.json. A click's key is a chat command (src/chat/events.ts, `menu_click` in templates/chat). */
type MenuSource = MenuButton & { sub_button?: MenuSource[] };

export interface LoadedMenu {
  /** What menu/create receives. */
  menu: { button: MenuButton[] };
}

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/**
 * Loads the menu, filling `{PUBLIC_BASE_URL}` into view URLs, and checks WeChat's documented
 * limits ("自定义菜单/创建接口"): ≤ 3 top-level buttons of ≤ 16 bytes, ≤ 5 sub-buttons of ≤ 60
 * bytes, keys ≤ 128 bytes, URLs ≤ 1024 bytes — so a bad edit fails here, not at WeChat.
 */
export function loadMenu(publicBaseUrl: string, file = path.join(defaultTemplatesDir, "wechat", "menu.json")): LoadedMenu {
  const source = JSON.parse(fs.readFileSync(file, "utf8")) as { button: MenuSource[] };
  const base = publicBaseUrl.replace(/\/+$/, "");
  const problems: string[] = [];

  const convert = (b: MenuSource, top: boolean): MenuButton => {
    const { sub_button, ...rest } = b;
    if (bytes(b.name) > (top ? 16 : 60)) problems.push(`name too long: ${b.name}`);
    if (b.key !== undefined && bytes(b.key) > 128) problems.push(`key too long: ${b.key}`);
    const out: MenuButton = { ...rest };
    if (out.url) out.url = out.url.replaceAll("{PUBLIC_BASE_URL}", base);
    if (out.url && bytes(out.url) > 1024) problems.push(`url too long: ${b.name}`);
    if (sub_button) {
      if (!top) problems.push(`${b.name}: sub-buttons cannot nest`);
      if (sub_button.length > 5) problems.push(`${b.name}: more than 5 sub-buttons`);
      out.sub_button = sub_button.map((s) => convert(s, false));
    } else if (b.type === "click" ? !b.key : b.type === "view" ? !b.url : !b.type) {
      problems.push(`${b.name}: a ${b.type ?? "button"} needs ${b.type === "view" ? "url" : "key"}`);
    }
    return out;
  };

  if (source.button.length > 3) problems.push("more than 3 top-level buttons");
  const button = source.button.map((b) => convert(b, true));
  if (problems.length) throw new Error(`Invalid menu ${file}:\n  ${problems.join("\n  ")}`);
  return { menu: { button } };
}
