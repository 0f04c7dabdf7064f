import type { TimeLimit } from "../calendar";
import { applicationErrors } from "./errors";
import type { CatalogReader, GuideLike, ItemInfo, ItemsPort } from "./ports";

/**
 * The items port over the published catalog: an item's published guide gives its name,
 * department and promised limit; a listed item without one cannot take applications.
 */
export function itemsFromCatalog(catalog: CatalogReader): ItemsPort {
  return {
    async getItem(code) {
      const guide = await catalog.getGuide(code);
      if (guide) return toItemInfo({ code, name: guide.name, department: guide.department, guide });
      const listed = await catalog.getSearchItem(code);
      return listed ? toItemInfo({ code, name: listed.name, department: listed.department || undefined }) : null;
    },
  };
}

/** Shared by the DB port and test fakes: the promised limit as the clock wants it. */
export function toItemInfo(opts: { code: string; name: string; department?: string | undefined; guide?: GuideLike | undefined }): ItemInfo {
  const promised = opts.guide?.timeLimit?.promised;
  if (!promised) {
    throw applicationErrors("item_without_guide", { itemCode: opts.code }, { itemCode: opts.code });
  }
  const department = opts.department ?? opts.guide?.authority?.name;
  if (!department) throw applicationErrors("item_without_department", { itemCode: opts.code }, { itemCode: opts.code });
  return { code: opts.code, name: opts.name, department, limit: toTimeLimit(opts.code, promised) };
}

function toTimeLimit(code: string, p: { value?: number; unit?: string }): TimeLimit {
  if (p.unit === "即办") return { value: 0, unit: "即办" };
  if ((p.unit === "工作日" || p.unit === "自然日") && Number.isInteger(p.value) && (p.value ?? 0) >= 1) {
    return { value: p.value!, unit: p.unit };
  }
  throw applicationErrors("item_limit_invalid", { itemCode: code, limit: `${p.value ?? "?"}${p.unit ?? ""}` }, { itemCode: code });
}
