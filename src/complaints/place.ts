import { maskName, maskText } from "../platform/privacy";

/**
 * District-level place of an address: everything up to the first 区/县/旗/市辖 unit after the
 * city ("西宁市城西区五四大街12号" → "西宁市城西区"). Used to compare places and to publish
 * without exact addresses.
 */
export function districtOf(address: string | null | undefined): string | undefined {
  if (!address) return undefined;
  const a = address.replace(/\s+/g, "");
  const m = /^(.*?(?:省|自治区))?(.*?(?:市|州|地区|盟))?(.*?(?:区|县|旗|市))?/.exec(a);
  const parts = [m?.[1], m?.[2], m?.[3]].filter(Boolean).join("");
  return parts || undefined;
}

/** Same place for duplicate detection: both districts known and equal, or both unknown. */
export const samePlace = (a: string | null | undefined, b: string | null | undefined) => (a ?? "") === (b ?? "");

const HOUSE_NUMBER = /[0-9０-９一二三四五六七八九十百零〇]+\s*(号楼|号院|号|栋|幢|单元|室|楼|层|弄|巷)(?:[0-9０-９]+\s*(号|室))?/g;
const STREET_NUMBER = /([\p{Script=Han}]{1,12}(?:路|街|大街|大道|巷|胡同))[0-9０-９]+号?/gu;
const SELF_NAME = /(我(?:叫|是)|本人|联系人|姓名[:：]?)([\p{Script=Han}]{2,4})/gu;
// The two characters before the title are starred: a given name is one or two characters,
// so "李建国先生" keeps only the family name, like privacy.maskName ("张先生" loses a
// character of context instead, which the public page can afford).
const HONORIFIC = /([\p{Script=Han}]{1,2})(先生|女士|师傅|老师|大爷|阿姨)/gu;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const LONG_DIGITS = /\d{6,}/g;

/**
 * Free text fit for the public page: ID numbers and phones masked (privacy.maskText), house
 * numbers and street numbers removed, self-introduced names masked, any remaining long digit
 * runs (account numbers, plates' digits) starred.
 */
export function anonymiseText(text: string): string {
  return maskText(text)
    .replace(STREET_NUMBER, (_m, street: string) => street)
    .replace(HOUSE_NUMBER, "**")
    .replace(SELF_NAME, (_m, intro: string, name: string) => intro + maskName(name))
    .replace(HONORIFIC, (_m, before: string, title: string) => "*".repeat(before.length) + title)
    .replace(LANDLINE, "****")
    .replace(LONG_DIGITS, (d) => "*".repeat(d.length));
}
