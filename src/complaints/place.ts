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

/**
 * Where a complaint happened, as every public view (Open311, /complaints/public) may show it:
 * the district and nothing finer. Coordinates are withheld, not rounded: a ~0.1° grid cell
 * (~11 × 9 km at Xining's latitude) follows no district border and is far smaller than most
 * Qinghai counties (thousands of km²), so a rounded point still says more than the district.
 * We hold no district centroids to publish instead; null is the only value that keeps the
 * rule. Open311 clients keep the `lat`/`long` keys (GeoReport v2 lists them) and can geocode
 * `address`, the district. Staff views keep the exact point.
 */
export function publicPlace(c: { district: string | null }): { district: string | null; lat: null; long: null } {
  return { district: c.district, lat: null, long: null };
}

export { anonymiseText } from "./anonymise";
