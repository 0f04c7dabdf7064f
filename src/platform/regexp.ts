/** Text as a regular expression matching exactly that text (until Node has RegExp.escape). */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
