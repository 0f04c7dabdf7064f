import { maskName, maskText } from "../platform/privacy";

/**
 * Free text fit for the public page, Open311 status_notes and lock-screen notices: ID numbers
 * and phones masked (privacy.maskText), house and street numbers removed, names masked, any
 * remaining long digit runs (account numbers, plates' digits) starred.
 *
 * Choices, and what they cost:
 * - Full-width letters and digits (１３８…) are NFKC-normalised, and only they: NFKC on the
 *   whole text would also turn the Chinese punctuation (，：（）) on the public page into ASCII.
 * - Digit groups joined by spaces or dashes (138-1234-5678, 138 1234 5678, 0971-612 3456) are
 *   one number when they hold 7 digits or more, except a date (2024-05-01).
 * - A name before a title is found by its family name (a list of common surnames): the
 *   family name is kept and the given name starred (李建国先生 → 李**先生), a family name alone
 *   is starred (王女士 → *女士), and the words before it are left alone (通知王先生 → 通知*先生).
 * - 先生/女士/小姐 follow a name nearly always: without a known surname (才让先生) up to two
 *   characters are starred anyway. Job titles and forms of address (经理, 主任, 老师, 师傅,
 *   阿姨 …) are as often ordinary words (学校老师, 大堂经理, 隔壁阿姨): only masked after a
 *   known surname. Accepted false positives: a word ending in a surname character before such
 *   a title ("车间主任", "修车师傅" are listed as exceptions; an unlisted one such as "历史老师" becomes
 *   "历*老师").
 */
export function anonymiseText(text: string): string {
  return maskText(joinNumbers(halfWidth(text)))
    .replace(STREET_NUMBER, (_m, street: string) => street)
    .replace(HOUSE_NUMBER, "**")
    .replace(SELF_NAME, (_m, intro: string, name: string) => intro + maskName(name))
    .replace(TITLED_NAME, maskTitledName)
    .replace(LANDLINE, "****")
    .replace(LONG_DIGITS, (d) => "*".repeat(d.length));
}

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]+/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH_ALNUM, (m) => m.normalize("NFKC"));

const SEPARATED_DIGITS = /\d+(?:[ \u3000\-－–—]\d+)+/g;
const DATE = /^\d{4}[-－–—]\d{1,2}[-－–—]\d{1,2}$/;
function joinNumbers(s: string): string {
  return s.replace(SEPARATED_DIGITS, (m) => {
    const digits = m.replace(/\D/g, "");
    return digits.length >= 7 && !DATE.test(m) ? digits : m;
  });
}

const HOUSE_NUMBER = /[0-9一二三四五六七八九十百零〇]+\s*(号楼|号院|号|栋|幢|单元|室|楼|层|弄|巷)(?:[0-9]+\s*(号|室))?/g;
const STREET_NUMBER = /([\p{Script=Han}]{1,12}(?:路|街|大街|大道|巷|胡同))[0-9]+号?/gu;
const SELF_NAME = /(我(?:叫|是)|本人|联系人\s*[:：]?\s*|姓名\s*[:：]?\s*)([\p{Script=Han}]{2,4})/gu;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const LONG_DIGITS = /\d{6,}/g;

/** Titles that follow a name nearly always. */
const PERSON_TITLES = ["先生", "女士", "小姐"];
/** Job titles and forms of address, also used without a name. */
const OTHER_TITLES = ["经理", "主任", "老师", "师傅", "科长", "处长", "局长", "所长", "队长", "站长", "院长", "校长", "书记", "医生", "律师", "警官", "老板", "大爷", "大妈", "阿姨"];
// Not before 们: 先生们、女士们 address everyone.
const TITLED_NAME = new RegExp(`([\\p{Script=Han}]{1,4})(${[...PERSON_TITLES, ...OTHER_TITLES].join("|")})(?!们)`, "gu");

const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木"];
/** Common family names (about 250, by frequency), for where a name before a title starts. */
const SURNAMES = new Set(
  [
    ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
    ..."常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝马赖洪阎萧",
  ],
);
/** Words ending in a surname character that often come before a title ("车间主任"). */
const NOT_NAMES = ["车间", "修车", "项目", "语文", "门诊"];

/**
 * `before`: up to four Han characters before the title. The name starts at the first family
 * name among the last three (four with a compound one); the characters before it are kept.
 */
function maskTitledName(whole: string, before: string, title: string): string {
  if (NOT_NAMES.some((w) => before.endsWith(w))) return whole;
  const chars = [...before];
  for (let i = Math.max(0, chars.length - 4); i < chars.length; i++) {
    const rest = chars.slice(i).join("");
    const compound = COMPOUND_SURNAMES.some((s) => rest.startsWith(s));
    if (!compound && (chars.length - i > 3 || !SURNAMES.has(chars[i]!))) continue;
    const surnameLen = compound ? 2 : 1;
    const masked = rest.length === surnameLen ? "*".repeat(surnameLen) : maskName(rest);
    return chars.slice(0, i).join("") + masked + title;
  }
  if (!PERSON_TITLES.includes(title)) return whole;
  const n = Math.min(2, chars.length);
  return chars.slice(0, chars.length - n).join("") + "*".repeat(n) + title;
}
