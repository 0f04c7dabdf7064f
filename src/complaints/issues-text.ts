import type { z } from "zod";
import { text } from "./texts";

/** A refused body's zod issues as one line of an error message, worded and separated by the templates. */
export const issuesText = (issues: readonly z.core.$ZodIssue[]): string =>
  issues
    .map((i) => (i.path.length ? text("labels.issue", { path: i.path.map(String).join("."), message: i.message }) : i.message))
    .join(text("labels.issue_separator"));
