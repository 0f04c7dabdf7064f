import { z } from "zod";

export const askBody = z.object({
  question: z.string().trim().min(1).max(500),
  sessionId: z.string().trim().min(1).max(128).optional(),
  lang: z.enum(["zh", "bo"]).optional(),
});

export const askResponse = z.object({
  text: z.string(),
  itemCode: z.string().nullable(),
  aspect: z.string().nullable(),
  candidates: z.array(z.object({ code: z.string(), name: z.string() })),
  link: z.string().nullable(),
});
