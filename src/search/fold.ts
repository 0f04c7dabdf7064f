/**
 * Variant and traditional characters citizens type (丟 for 丢, 証 for 证 — IME and phone
 * keyboards set to traditional Chinese) folded onto the simplified characters the guides use.
 * NFKC does not do this. A fixed table of the characters of everyday service vocabulary: cheap,
 * and the same for every question whatever the catalog. Applied to every query
 * (`analyzeQuery`), so /search, the catalog listing and chat fold alike.
 */
const PAIRS =
  "丟丢 証证 證证 駕驾 駛驶 戶户 補补 換换 辦办 個个 錢钱 號号 領领 險险 醫医 養养 費费 書书 記记 許许 營营 業业 執执 權权 " +
  "產产 動动 車车 東东 麼么 嗎吗 們们 還还 這这 過过 時时 間间 題题 問问 請请 開开 關关 務务 處处 見见 現现 發发 後后 當当 " +
  "婦妇 孫孙 學学 齡龄 單单 無无 歲岁 結结 離离 貸贷 積积 稅税 額额 檢检 驗验 標标 轉转 遷迁 歸归 " +
  "帶带 準准 備备 讓让 樣样 網网 線线 機机 電电 話话 碼码 門门 區区 縣县 鄉乡 鎮镇 齊齐 傷伤 認认 寫写";

const MAP = new Map<string, string>();
for (const p of PAIRS.split(/\s+/)) MAP.set(p[0]!, p[1]!);
/** Any character of the table: most questions have none and are returned as they are. */
const ANY = new RegExp(`[${[...MAP.keys()].join("")}]`, "u");

export function foldVariants(s: string): string {
  if (!ANY.test(s)) return s;
  let out = "";
  for (const c of s) out += MAP.get(c) ?? c;
  return out;
}
