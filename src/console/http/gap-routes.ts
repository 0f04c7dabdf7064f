import type Router from "@koa/router";
import type { AppContext } from "../../platform/context";
import { staffActor, staffOf, type Role } from "../../staff";
import { addGapSynonym } from "../gaps/add-gap-synonym";
import { listGaps } from "../gaps/list-gaps";
import { T } from "../texts";
import { gapsPage } from "../views/gaps";
import { done, flashOf, formOf, page, send, viewerOf } from "./page";
import { gapParam, parse, synonymForm } from "./schemas";

const READ: Role[] = ["administrator", "editor", "reviewer", "supervisor"];
const EDIT: Role[] = ["administrator", "editor"];

/** Knowledge gaps: what citizens ask that nothing answers, turned into synonyms or new guides. */
export function gapRoutes(router: Router, app: AppContext): void {
  const prisma = app.db.prisma;

  router.get("/admin/gaps", page(READ, async (c) => {
    const { rows, total } = await listGaps({ prisma });
    send(c, gapsPage({ viewer: viewerOf(c), rows, total, canEdit: EDIT.includes(staffOf(c).role), flash: flashOf(c, T) }));
  }));

  router.post("/admin/gaps/:id/synonym", page(EDIT, async (c) => {
    const { id } = parse(gapParam, c.params);
    const f = parse(synonymForm, formOf(c));
    await addGapSynonym({ prisma, store: app.store, id, terms: f.terms, canonical: f.canonical, actor: staffActor(c), now: app.now() });
    done(c, "/admin/gaps", "synonym_added");
  }));
}
