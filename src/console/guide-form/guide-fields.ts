import { audiences, itemTypes, limitUnits, materialForms } from "../../catalog";

/** One input of a list row: its key in the guide, and how it is entered. */
export interface RowField {
  key: string;
  kind: "text" | "textarea" | "number" | "select";
  options?: readonly string[];
  /** Shown instead of the key's label (e.g. an amount entered in yuan, stored in fen). */
  form?: string;
}

/** The guide's repeated elements, edited as lists of rows (materials, steps, fee items, …). */
export const LISTS: Record<string, RowField[]> = {
  basis: [
    { key: "title", kind: "text" },
    { key: "docNo", kind: "text" },
    { key: "article", kind: "text" },
    { key: "text", kind: "textarea" },
  ],
  materials: [
    { key: "name", kind: "text" },
    { key: "form", kind: "select", options: ["", ...materialForms] },
    { key: "copies", kind: "number" },
    { key: "required", kind: "select", options: ["true", "false"] },
    { key: "note", kind: "text" },
  ],
  procedure: [
    { key: "step", kind: "text" },
    { key: "description", kind: "textarea" },
    { key: "days", kind: "number" },
  ],
  "fees.items": [
    { key: "name", kind: "text" },
    { key: "amountFen", kind: "text", form: "amountYuan" },
    { key: "amountText", kind: "text" },
    { key: "basis", kind: "text" },
  ],
  locations: [
    { key: "name", kind: "text" },
    { key: "window", kind: "text" },
    { key: "address", kind: "text" },
    { key: "hours", kind: "text" },
  ],
  faq: [
    { key: "q", kind: "text" },
    { key: "a", kind: "textarea" },
  ],
};

export const TYPES = itemTypes;
export const AUDIENCES = audiences;
export const UNITS = limitUnits;
export const DEPTHS = ["一级", "二级", "三级", "四级"] as const;
