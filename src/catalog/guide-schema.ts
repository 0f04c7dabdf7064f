import { z } from "zod";

/**
 * The service-guide interchange format (办事指南交换格式, ../shared/docs/guide-format.md),
 * as a zod schema. Unknown keys are an error everywhere (`strictObject`): a typo must not
 * silently drop data.
 */
export const itemTypes = ["行政许可", "行政给付", "行政确认", "行政征收", "行政裁决", "行政奖励", "行政检查", "其他行政权力", "公共服务"] as const;
export const audiences = ["自然人", "法人"] as const;
export const materialForms = ["原件", "复印件", "原件和复印件", "电子材料"] as const;
export const limitUnits = ["工作日", "自然日", "即办"] as const;
export const languages = ["bo", "mn", "en"] as const;

const text = z.string().trim().min(1);
/** A link shown on pages: http(s) only — `javascript:` or `data:` would run or show what its author wrote when tapped. */
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}/, "must be an ISO 8601 date"), z.date()]).transform((v) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v.slice(0, 10),
);

/** `value` may be left out for 即办 (handled on the spot): there is no number of days to state. */
export const timeLimitValue = z.discriminatedUnion("unit", [
  z.strictObject({ value: z.number().nonnegative(), unit: z.enum(["工作日", "自然日"]) }),
  z.strictObject({ value: z.number().nonnegative().optional(), unit: z.literal("即办") }),
]);

export const translationSchema = z.strictObject({
  name: text.optional(),
  aliases: z.array(text).optional(),
  conditions: z.array(text).optional(),
  procedure: z.array(z.strictObject({ step: text.optional(), description: text.optional() })).optional(),
  materials: z.array(z.strictObject({ name: text })).optional(),
  faq: z.array(z.strictObject({ q: text, a: text })).optional(),
});

export const guideSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(100),
    name: text,
    aliases: z.array(text).default([]),
    type: z.enum(itemTypes),
    audience: z.array(z.enum(audiences)).default([]),
    region: z.string().regex(/^\d{6}(\d{6})?$/, "must be a 6- or 12-digit 行政区划代码").optional(),
    authority: z.strictObject({ name: text, code: text.optional(), phone: text.optional() }),
    basis: z
      .array(z.strictObject({ title: text, docNo: text.optional(), article: text.optional(), text: text.optional() }))
      .min(1),
    conditions: z.array(text).default([]),
    materials: z
      .array(
        z.strictObject({
          name: text,
          form: z.enum(materialForms).optional(),
          copies: z.number().int().positive().optional(),
          required: z.boolean().default(true),
          note: text.optional(),
        }),
      )
      .default([]),
    procedure: z
      .array(z.strictObject({ step: text, description: text.optional(), days: z.number().nonnegative().optional() }))
      .min(1),
    timeLimit: z.strictObject({ statutory: timeLimitValue, promised: timeLimitValue, note: text.optional() }),
    fees: z.strictObject({
      charged: z.boolean(),
      items: z
        .array(
          z.strictObject({
            name: text,
            amountFen: z.number().int().nonnegative().optional(),
            amountText: text.optional(),
            basis: text.optional(),
          }),
        )
        .default([]),
    }),
    locations: z
      .array(z.strictObject({ name: text, address: text.optional(), hours: text.optional(), window: text.optional() }))
      .default([]),
    contact: z.strictObject({ consult: text.optional(), complaint: text.optional() }).optional(),
    online: z
      .strictObject({
        available: z.boolean(),
        url: httpUrl.optional(),
        visits: z.number().int().nonnegative().optional(),
        depth: z.enum(["一级", "二级", "三级", "四级"]).optional(),
      })
      .optional(),
    faq: z.array(z.strictObject({ q: text, a: text })).default([]),
    translations: z.partialRecord(z.enum(languages), translationSchema).optional(),
    effectiveFrom: isoDate.optional(),
    effectiveTo: isoDate.optional(),
  })
  .superRefine((g, ctx) => {
    if (!promisedWithinStatutory(g.timeLimit.promised, g.timeLimit.statutory)) {
      ctx.addIssue({ code: "custom", path: ["timeLimit", "promised"], message: "promised time limit must not exceed the statutory one" });
    }
    if (g.fees.charged && g.fees.items.length === 0) {
      ctx.addIssue({ code: "custom", path: ["fees", "items"], message: "charged fees need at least one item" });
    }
    g.fees.items.forEach((f, i) => {
      if (f.amountFen === undefined && f.amountText === undefined) {
        ctx.addIssue({ code: "custom", path: ["fees", "items", i], message: "each fee item needs amountFen or amountText" });
      }
    });
  });

export type Guide = z.output<typeof guideSchema>;
export type GuideInput = z.input<typeof guideSchema>;
export type TimeLimitValue = z.output<typeof timeLimitValue>;
export type Translation = z.output<typeof translationSchema>;

/**
 * 即办 is the shortest. Across units the comparison is conservative, so
 * "承诺20个工作日 / 法定60个自然日" passes and "承诺10个工作日 / 法定10个自然日" does not.
 */
export function promisedWithinStatutory(p: TimeLimitValue, s: TimeLimitValue): boolean {
  if (p.unit === "即办") return true;
  if (s.unit === "即办") return false;
  const pv = p.value ?? 0;
  const sv = s.value ?? 0;
  if (p.unit === s.unit) return pv <= sv;
  if (p.unit === "自然日" && s.unit === "工作日") return pv <= sv;
  // Promised in working days, statutory in natural days: a week has 5 working days in 7, so
  // n working days take about 1.4·n natural days; holidays only make it longer.
  return pv * 1.4 <= sv;
}

/** A catalog-list line (事项目录, .jsonl): an item without a guide yet. */
export const catalogLineSchema = z.looseObject({
  item_code: z.string().trim().min(1),
  item_name: z.string().trim().min(1),
  department: z.string().trim().min(1),
  task_type: z.string().optional(),
  area_code: z.string().optional(),
  dept_code: z.string().optional(),
  main_item: z.string().optional(),
  link: httpUrl.optional(),
});
export type CatalogLine = z.output<typeof catalogLineSchema>;
