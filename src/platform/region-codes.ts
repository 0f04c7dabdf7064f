/** 行政区划代码 (630000 青海省, 632700 玉树州, 632723 称多县): what one place's code says about another's. */

/** A region code without its trailing zero pairs: 632700 → 6327, the prefix of every code within it. */
export const regionPrefix = (code: string) => code.replace(/(00)+$/, "");

/** An item of `item`'s region serves a citizen in `citizen`'s: the same place, one above it, or one within it (no region: everywhere). */
export const serves = (item: string | undefined, citizen: string) => !item || citizen.startsWith(regionPrefix(item)) || item.startsWith(regionPrefix(citizen));
