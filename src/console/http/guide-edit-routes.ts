import type Router from "@koa/router";
import type { Context } from "koa";
import { createItem, getEditingState, resolveQuestion, startDraft, updateDraft, type EditingState } from "../../catalog";
import type { AppContext } from "../../platform/context";
import { isAppError } from "../../platform/errors";
import { staffActor, type Role } from "../../staff";
import { formValues } from "../guide-form/form-values";
import { parseGuideForm } from "../guide-form/parse-guide-form";
import { T } from "../text";
import { guideEditPage } from "../views/guide-edit";
import { newItemPage } from "../views/guide-new";
import { done, formOf, page, send, viewerOf } from "./page";
import { codeParam, newItemQuery, parse } from "./schemas";

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** The draft being edited, or what the public sees when no draft is open (saving starts one). */
function editable(s: EditingState) {
  const d = s.draft;
  if (d && d.status !== "published") return { guide: d.guide, revision: d.revision };
  return { guide: s.published?.guide, revision: d?.revision ?? null };
}

/** Editing every element of a guide in one form, validated as the importer validates a guide file. */
export function guideEditRoutes(router: Router, app: AppContext, roles: Role[]): void {
  const prisma = app.db.prisma;
  const who = (c: Context) => ({ prisma, actor: staffActor(c), now: app.now() });

  router.get("/admin/guides/new", page(roles, async (c) => {
    const q = parse(newItemQuery, c.query);
    send(c, newItemPage({ viewer: viewerOf(c), code: "", values: formValues({ name: q.name, procedure: [], basis: [] }), errors: {}, from: q.from }));
  }));

  router.post("/admin/guides/new", page(roles, async (c) => {
    const form = formOf(c);
    const code = (form.code ?? "").trim();
    const from = parse(newItemQuery, { from: form.from || undefined }).from;
    const parsed = parseGuideForm(form, code, {});
    const errors = { ...parsed.errors, ...(CODE.test(code) ? {} : { code: T("guide.code_invalid") }) };
    if (!parsed.guide || errors.code) {
      return send(c, newItemPage({ viewer: viewerOf(c), code, values: formValues(parsed.input), errors, from, message: T("guide.fix_errors") }), 422);
    }
    await createItem({ ...who(c), store: app.store, guide: parsed.guide });
    // Started from a knowledge gap: the question leaves the unanswered list.
    if (from) await resolveQuestion({ ...who(c), id: from, resolution: `draft:${code}` }).catch((e) => (isAppError(e) ? undefined : Promise.reject(e)));
    done(c, `/admin/guides/${encodeURIComponent(code)}`, "created");
  }));

  router.get("/admin/guides/:code/edit", page(roles, async (c) => {
    const { code } = parse(codeParam, c.params);
    const s = await getEditingState({ prisma, code });
    const e = editable(s);
    const values = formValues((e.guide ?? { code, procedure: [], basis: [] }) as Record<string, unknown>);
    send(c, guideEditPage({ viewer: viewerOf(c), code, revision: e.revision, values, errors: {}, isNew: false }));
  }));

  router.post("/admin/guides/:code/edit", page(roles, async (c) => {
    const { code } = parse(codeParam, c.params);
    const form = formOf(c);
    const s = await getEditingState({ prisma, code });
    const e = editable(s);
    const parsed = parseGuideForm(form, code, { translations: e.guide?.translations });
    const revision = form.revision ? Number(form.revision) : null;
    if (!parsed.guide) {
      return send(c, guideEditPage({ viewer: viewerOf(c), code, revision, values: formValues(parsed.input), errors: parsed.errors, isNew: false, message: T("guide.fix_errors") }), 422);
    }
    // No draft yet: this save starts one; otherwise it edits the draft at the revision the editor saw.
    if (!s.draft) await startDraft({ ...who(c), code, guide: parsed.guide });
    else await updateDraft({ ...who(c), code, revision: revision ?? -1, guide: parsed.guide });
    done(c, `/admin/guides/${encodeURIComponent(code)}`, "saved");
  }));
}
