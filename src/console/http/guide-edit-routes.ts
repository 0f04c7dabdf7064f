import type Router from "@koa/router";
import type { Context } from "koa";
import type { AppContext } from "../../platform/context";
import { staffActor, type Role } from "../../staff";
import { formValues, guideFormValues } from "../guide-form/form-values";
import { createGuideItem } from "../guides/create-guide-item";
import { getGuideForEditing } from "../guides/get-guide-for-editing";
import { saveGuideDraft } from "../guides/save-guide-draft";
import { T } from "../texts";
import { guideEditPage } from "../views/guide-edit";
import { newItemPage } from "../views/guide-new";
import { done, formOf, page, send, viewerOf } from "./page";
import { codeParam, guideEditForm, newItemQuery, parse, readNewItemForm } from "./schemas";

const detail = (code: string) => `/admin/guides/${encodeURIComponent(code)}`;

/** Editing every element of a guide in one form, validated as the importer validates a guide file. */
export function guideEditRoutes(router: Router, app: AppContext, roles: Role[]): void {
  const prisma = app.db.prisma;
  const who = (c: Context) => ({ prisma, actor: staffActor(c), now: app.now() });

  router.get("/admin/guides/new", page(roles, async (c) => {
    const q = parse(newItemQuery, c.query);
    send(c, newItemPage({ viewer: viewerOf(c), code: "", values: formValues({ name: q.name, procedure: [], basis: [] }), errors: {}, from: q.from }));
  }));

  router.post("/admin/guides/new", page(roles, async (c) => {
    const { code, from, parsed } = readNewItemForm(formOf(c));
    if (!parsed.guide) {
      return send(c, newItemPage({ viewer: viewerOf(c), code, values: formValues(parsed.input), errors: parsed.errors, from, message: T("guide.fix_errors") }), 422);
    }
    await createGuideItem({ ...who(c), store: app.store, guide: parsed.guide, fromQuestion: from });
    done(c, detail(code), "created");
  }));

  router.get("/admin/guides/:code/edit", page(roles, async (c) => {
    const { code } = parse(codeParam, c.params);
    const e = await getGuideForEditing({ prisma, code });
    send(c, guideEditPage({ viewer: viewerOf(c), code, revision: e.revision, values: guideFormValues(e.guide, code), errors: {}, isNew: false }));
  }));

  router.post("/admin/guides/:code/edit", page(roles, async (c) => {
    const { code } = parse(codeParam, c.params);
    const form = formOf(c);
    const { revision } = parse(guideEditForm, form);
    const r = await saveGuideDraft({ ...who(c), code, form, revision });
    if (!r.saved) {
      return send(c, guideEditPage({ viewer: viewerOf(c), code, revision: revision ?? null, values: formValues(r.parsed.input), errors: r.parsed.errors, isNew: false, message: T("guide.fix_errors") }), 422);
    }
    done(c, detail(code), "saved");
  }));
}
