/**
 * Qinghai place names citizens mention → 行政区划代码, so "在格尔木怎么办" keeps the region
 * for this and later questions. Longest names first when matching. Besides the counties, the
 * towns that are county seats, which people name for the county ("结古这边" is 玉树市), except
 * those that are everyday words too (八宝, 桥头, 川口, 城关). And the place of the shipped sample
 * list (guides/samples: 四川省广安市广安区), so a question naming it prefers that list's items.
 */
const REGIONS: [string, string][] = ([
  ["青海", "630000"], ["西宁", "630100"], ["城东区", "630102"], ["城中区", "630103"], ["城西区", "630104"], ["城北区", "630105"],
  ["湟中", "630106"], ["大通", "630121"], ["湟源", "630123"], ["海东", "630200"], ["乐都", "630202"], ["平安", "630203"],
  ["民和", "630222"], ["互助", "630223"], ["化隆", "630224"], ["循化", "630225"], ["海北", "632200"], ["门源", "632221"],
  ["祁连", "632222"], ["海晏", "632223"], ["刚察", "632224"], ["黄南", "632300"], ["同仁", "632301"], ["尖扎", "632322"],
  ["泽库", "632323"], ["河南县", "632324"], ["海南州", "632500"], ["共和", "632521"], ["同德", "632522"], ["贵德", "632523"],
  ["兴海", "632524"], ["贵南", "632525"], ["果洛", "632600"], ["玛沁", "632621"], ["班玛", "632622"], ["甘德", "632623"],
  ["达日", "632624"], ["久治", "632625"], ["玛多", "632626"], ["玉树", "632700"], ["杂多", "632722"], ["称多", "632723"],
  ["治多", "632724"], ["囊谦", "632725"], ["曲麻莱", "632726"], ["海西", "632800"], ["格尔木", "632801"], ["德令哈", "632802"],
  ["茫崖", "632803"], ["乌兰", "632821"], ["都兰", "632822"], ["天峻", "632823"], ["玉树市", "632701"],
  ["鲁沙尔", "630106"], ["碾伯", "630202"], ["威远", "630223"], ["巴燕", "630224"], ["积石镇", "630225"], ["浩门", "632221"],
  ["西海镇", "632223"], ["沙柳河", "632224"], ["隆务", "632301"], ["恰卜恰", "632521"], ["尕巴松多", "632522"], ["河阴", "632523"],
  ["子科滩", "632524"], ["茫曲", "632525"], ["大武", "632621"], ["赛来塘", "632622"], ["柯曲", "632623"], ["吉迈", "632624"],
  ["智青松多", "632625"], ["玛查理", "632626"], ["结古", "632701"], ["萨呼腾", "632722"], ["称文", "632723"], ["加吉博洛", "632724"],
  ["香达", "632725"], ["约改", "632726"], ["希里沟", "632821"], ["察汗乌苏", "632822"], ["新源镇", "632823"],
  ["广安", "511602"],
] as [string, string][]).sort((a, b) => b[0].length - a[0].length);

export function detectRegion(text: string): { code: string; name: string; rest: string } | undefined {
  let found: { code: string; name: string } | undefined;
  let rest = text;
  for (const [name, code] of REGIONS) {
    if (!rest.includes(name)) continue;
    found ??= { code, name };
    // Drop every place word ("从大通迁到城中区": both say where) and a following 市/县/州/区, so
    // none counts as an item word; the first found (the longest name) is the region.
    rest = rest.split(name).map((part, i) => (i === 0 ? part : part.replace(/^[市县州区]/, ""))).join(" ");
  }
  return found && { ...found, rest };
}
