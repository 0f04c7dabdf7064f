import { z } from "zod";

/** WeChat's redirect back: `code` (opaque, URL-safe) and our `state`. */
export const callbackQuery = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  state: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

/** `?lang=` of a citizen's page (Chinese without it). */
export const pageLangQuery = z.object({ lang: z.enum(["zh", "bo"]).optional() });
