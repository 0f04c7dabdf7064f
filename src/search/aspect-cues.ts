import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

const groupSchema = z
  .strictObject({
    aspect: z.string(),
    strength: z.number().positive(),
    note: z.string().optional(),
    phrases: z.array(z.coerce.string().min(1)).default([]),
    patterns: z.array(z.string().min(1)).default([]),
  })
  .refine((g) => g.phrases.length + g.patterns.length > 0, "a group needs phrases or patterns");

export type AspectCueGroup = z.infer<typeof groupSchema>;

/**
 * Chat's aspect cues (src/search/aspect-cues.yaml, staff-extendable): how citizens ask about
 * each part of a guide. A malformed entry or a pattern that does not compile stops the start
 * with the entry named, rather than a cue silently lost. `aspects`: the names chat reads.
 */
export function loadAspectCues(aspects: readonly string[], file: URL | string = new URL("./aspect-cues.yaml", import.meta.url)): AspectCueGroup[] {
  const parsed = z.array(groupSchema).safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(`${String(file)}: ${parsed.error.issues.map((i) => `entry ${Number(i.path[0]) + 1}${i.path.length > 1 ? ` ${i.path.slice(1).join(".")}` : ""}: ${i.message}`).join("; ")}`);
  }
  parsed.data.forEach((g, i) => {
    if (!aspects.includes(g.aspect)) throw new Error(`${String(file)}: entry ${i + 1}: unknown aspect “${g.aspect}” (one of ${aspects.join(", ")})`);
    for (const p of g.patterns) {
      try {
        new RegExp(p, "gu");
      } catch (e) {
        throw new Error(`${String(file)}: entry ${i + 1} (${g.aspect}): pattern ${p} does not compile: ${(e as Error).message}`);
      }
    }
  });
  return parsed.data;
}
