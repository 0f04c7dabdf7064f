import type Router from "@koa/router";
import { z } from "zod";
import { addSynonym, getItem, getQuestion, listQuestions, resolveQuestion } from "../../catalog";
import type { AppContext } from "../../platform/context";
import { isAppError } from "../../platform/errors";
import { staffActor, staffOf, type Role } from "../../staff";
import { T } from "../text";
import { gapsPage, type GapRow } from "../views/gaps";
import { done, flashOf, formOf, page, send, viewerOf } from "./page";
import { parse, synonymForm } from "./schemas";

const READ: Role[] = ["administrator", "editor", "reviewer", "supervisor"];
const EDIT: Role[] = ["administrator", "editor"];
const split = (s: string) => s.split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean);

/** Knowledge gaps: what citizens ask that nothing answers, turned into synonyms or new guides. */
export function gapRoutes(router: Router, app: AppContext): void {
  const prisma = app.db.prisma;

  router.get("/admin/gaps", page(READ, async (c) => {
    const { questions, total } = await listQuestions({ prisma, page: 1, pageSize: 50 });
    const names = new Map<string, string>();
    for (const code of new Set(questions.flatMap((q) => (q.bestCode ? [q.bestCode] : [])))) {
      // The best guess may since have been retired: then there is no name to offer.
      const item = await getItem({ prisma, code }).catch((e) => (isAppError(e) ? null : Promise.reject(e)));
      if (item) names.set(code, item.name);
    }
    const rows: GapRow[] = questions.map((q) => ({
      id: q.id, question: q.question, count: q.count, lastAskedAt: q.lastAskedAt, outcome: q.outcome,
      best: q.bestCode && names.has(q.bestCode) ? { code: q.bestCode, name: names.get(q.bestCode)! } : null,
    }));
    send(c, gapsPage({ viewer: viewerOf(c), rows, total, canEdit: EDIT.includes(staffOf(c).role), flash: flashOf(c, T) }));
  }));

  router.post("/admin/gaps/:id/synonym", page(EDIT, async (c) => {
    const id = parse(z.object({ id: z.uuid() }), c.params).id;
    const f = parse(synonymForm, formOf(c));
    await getQuestion({ prisma, id });
    const actor = staffActor(c);
    const s = await addSynonym({ prisma, store: app.store, entry: { terms: split(f.terms), canonical: split(f.canonical) }, actor, now: app.now() });
    await resolveQuestion({ prisma, id, resolution: `synonym:${s.id}`, actor, now: app.now() });
    done(c, "/admin/gaps", "synonym_added");
  }));
}
