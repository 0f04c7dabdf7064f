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

export { anonymiseText } from "./anonymise";
