import type { CatalogLine } from "../guide-schema";
import { contentHash, toJson } from "../content-hash";
import { searchTextOf } from "../items/item-fields";

/**
 * 事项类型代码 of the national integrated government-service platform, as used in catalog
 * lists' `task_type` (1 行政许可 … 10 其他行政权力, 20 公共服务).
 */
export const taskTypeNames: Record<string, string> = {
  "1": "行政许可",
  "2": "行政处罚",
  "3": "行政强制",
  "4": "行政征收",
  "5": "行政给付",
  "6": "行政检查",
  "7": "行政确认",
  "8": "行政奖励",
  "9": "行政裁决",
  "10": "其他行政权力",
  "20": "公共服务",
};

export function departmentOfLine(l: CatalogLine) {
  return { name: l.department, region: l.area_code ?? "", code: l.dept_code };
}

/** Columns of a catalog-only item built from its catalog line. */
export function catalogColumns(l: CatalogLine) {
  return {
    catalogData: toJson(l) as object,
    catalogHash: contentHash(l),
    taskType: l.task_type ?? null,
    link: l.link ?? null,
  };
}

/** The columns a catalog line owns when the item has no guide (a guide's data wins otherwise). */
export function catalogOnlyColumns(l: CatalogLine) {
  return {
    name: l.item_name,
    type: l.task_type ? (taskTypeNames[l.task_type] ?? null) : null,
    region: l.area_code ?? null,
    searchText: searchTextOf(l.item_name),
  };
}
