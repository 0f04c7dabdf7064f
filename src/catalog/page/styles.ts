/**
 * Mobile-first styles for WeChat's in-app browser (narrow screens, system fonts, large tap
 * targets) plus a print stylesheet: no colours behind text, URLs spelled out, no controls.
 */
export const pageCss = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei","Noto Sans Tibetan",sans-serif;color:#1f2328;background:#f5f6f8}
main{max-width:720px;margin:0 auto;padding:12px}
header.top{background:#c8102e;color:#fff;padding:16px 12px}
header.top h1{margin:0;font-size:20px;line-height:1.4}
header.top p{margin:4px 0 0;font-size:14px;opacity:.9}
section{background:#fff;border-radius:8px;padding:12px 14px;margin:10px 0}
h2{font-size:17px;margin:0 0 8px;border-left:4px solid #c8102e;padding-left:8px}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:4px 12px}
dt{color:#59636e}dd{margin:0}
ul.checklist{list-style:none;padding:0;margin:0}
ul.checklist li{padding:6px 0 6px 28px;position:relative;border-bottom:1px solid #eee}
ul.checklist li:before{content:"☐";position:absolute;left:4px;top:5px;font-size:18px}
.tag{display:inline-block;font-size:12px;padding:0 6px;border-radius:4px;background:#eef1f4;color:#59636e;margin-left:4px}
.tag.req{background:#fde8eb;color:#c8102e}
.note{color:#59636e;font-size:14px}
ol{padding-left:22px;margin:0}
.faq dt{font-weight:600;color:#1f2328;grid-column:1/-1}.faq dd{grid-column:1/-1;margin-bottom:8px}
footer{color:#59636e;font-size:13px;text-align:center;padding:12px}
a{color:#0b5cad}
.actions{text-align:right}
.actions a,.actions button{font-size:14px;margin-left:12px}
.actions button{background:none;border:0;color:#0969da;padding:0;cursor:pointer}
nav.langs{font-size:14px;text-align:right;margin-bottom:4px}
nav.langs a{color:#fff}
form.search label{display:block;font-weight:600;margin-bottom:6px}
form.search .row{display:flex;gap:8px}
form.search input[type=search]{flex:1;min-width:0;font-size:16px;padding:10px;border:1px solid #c9d1d9;border-radius:6px}
form.search button{font-size:16px;padding:10px 16px;border:0;border-radius:6px;background:#c8102e;color:#fff}
ul.items,ul.departments{list-style:none;padding:0;margin:0}
ul.items li,ul.departments li{padding:10px 0;border-bottom:1px solid #eee}
ul.items a,ul.departments a{display:inline-block;min-height:24px}
section.ask{background:#fff8e6}
@media print{
  body{background:#fff;font-size:12pt}
  header.top{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 8px}
  section{border-radius:0;padding:6px 0;margin:6px 0;page-break-inside:avoid}
  .actions,nav.langs,form.search{display:none}
  a[href^="http"]:after{content:" (" attr(href) ")";font-size:10pt}
}
`;
