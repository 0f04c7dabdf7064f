import type { TimeLimit } from "../calendar";
import type { AppContext } from "../platform/context";
import { applicationErrors } from "./errors";
import type { ItemInfo, ItemsPort } from "./ports";

/**
 * The items port read straight from the catalog's tables (item + current published guide
 * version). The catalog capability does not export a `getItem`/`getGuide` on its public
 * surface yet; once it does, the integrator can pass that instead (applicationsCapability
 * option `items`).
 */
export function itemsFromDatabase(ctx: Pick<AppContext, "db">): ItemsPort {
  return {
    async getItem(code) {
      const item = await ctx.db.prisma.serviceItem.findUnique({
        where: { code },
        select: { code: true, name: true, department: { select: { name: true } }, currentVersion: { select: { content: true } } },
      });
      if (!item) return null;
      const guide = item.currentVersion?.content as GuideLike | undefined;
      return toItemInfo({ code: item.code, name: item.name, department: item.department?.name, guide });
    },
  };
}

interface GuideLike {
  authority?: { name?: string };
  timeLimit?: { promised?: { value?: number; unit?: string } };
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
