import type { Role } from "./roles";

/**
 * Who may call each /api/v1/admin route: one line per route, keyed "METHOD path" exactly as
 * the route is registered. The guard (admin-guard.ts) refuses a route missing here, and
 * test/staff/authorization-matrix.test.ts walks the registered routes and fails unless this
 * table covers them exactly, then tries every role on every route.
 *
 * `department: true` — handlers are allowed, limited to their own department's records (the
 * route passes staffDepartmentScope to its operation; another department's record is a 404).
 */
export interface AdminPolicy {
  roles: readonly Role[];
  department?: true;
}

const A = "administrator", E = "editor", R = "reviewer", D = "dispatcher", H = "handler", S = "supervisor";
const p = (roles: readonly Role[], department?: true): AdminPolicy => (department ? { roles, department } : { roles });
const complaint = "/api/v1/admin/complaints/:ref";

export const ADMIN_POLICY: Readonly<Record<string, AdminPolicy>> = Object.freeze({
  // Guides: editors draft, reviewers publish or reject (never their own draft: catalog's publish).
  "POST /api/v1/admin/items": p([A, E]),
  "GET /api/v1/admin/items/:code/draft": p([A, E, R]),
  "POST /api/v1/admin/items/:code/draft": p([A, E]),
  "PUT /api/v1/admin/items/:code/draft": p([A, E]),
  "POST /api/v1/admin/items/:code/draft/submit": p([A, E]),
  "POST /api/v1/admin/items/:code/draft/reject": p([A, R]),
  "POST /api/v1/admin/items/:code/draft/publish": p([A, R]),
  "GET /api/v1/admin/items/:code/versions": p([A, E, R, S]),
  "GET /api/v1/admin/items/:code/versions/:v/diff": p([A, E, R, S]),
  "GET /api/v1/admin/audit": p([A, S]),
  "GET /api/v1/admin/synonyms": p([A, E, R]),
  "POST /api/v1/admin/synonyms": p([A, E]),
  "DELETE /api/v1/admin/synonyms/:id": p([A, E]),
  "GET /api/v1/admin/unanswered": p([A, E, R, S]),
  // Complaints: dispatchers route and close, handlers work their department's tickets, supervisors watch and 督办.
  "GET /api/v1/admin/complaints": p([A, D, H, S], true),
  "GET /api/v1/admin/complaints/hot": p([A, D, S]),
  "GET /api/v1/admin/complaints/routes": p([A, D, S]),
  "PUT /api/v1/admin/complaints/routes/:category": p([A, D]),
  "POST /api/v1/admin/complaints/supervision/run": p([A, S]),
  [`GET ${complaint}`]: p([A, D, H, S], true),
  [`GET ${complaint}/images/:position`]: p([A, D, H, S], true),
  [`POST ${complaint}/dispatch`]: p([A, D]),
  [`POST ${complaint}/sign`]: p([A, H], true),
  [`POST ${complaint}/return`]: p([A, H], true),
  [`POST ${complaint}/progress`]: p([A, H], true),
  [`POST ${complaint}/extension`]: p([A, H], true),
  [`POST ${complaint}/extension/decision`]: p([A, D, S]),
  [`POST ${complaint}/reply`]: p([A, H], true),
  [`POST ${complaint}/visit`]: p([A, D]),
  [`POST ${complaint}/rating`]: p([A, D]),
  [`POST ${complaint}/close`]: p([A, D]),
  [`POST ${complaint}/reopen`]: p([A, D, S]),
  [`POST ${complaint}/merge`]: p([A, D]),
  [`POST ${complaint}/rectification/recheck`]: p([A, S]),
  [`POST ${complaint}/appeal`]: p([A, H], true),
  [`POST ${complaint}/appeal/decision`]: p([A, S]),
  [`POST ${complaint}/publish`]: p([A, D]),
  "GET /api/v1/admin/outbox": p([A]),
  "POST /api/v1/admin/outbox/:id/replay": p([A]),
  "POST /api/v1/admin/open311/keys": p([A]),
  // Applications: handlers their department's; supervisors read (电子监察).
  "POST /api/v1/admin/applications": p([A, H], true),
  "POST /api/v1/admin/applications/:number/transitions": p([A, H], true),
  "GET /api/v1/admin/applications": p([A, H, S], true),
  "GET /api/v1/admin/applications/:number": p([A, H, S], true),
  "GET /api/v1/admin/supervision/alerts": p([A, H, S], true),
  "GET /api/v1/admin/supervision/counts": p([A, D, S]),
  // The console's dashboard figures (src/console): counts, not records; a handler's are limited to
  // their department by the route itself (staffDepartmentScope), checked in test/console.
  "GET /api/v1/admin/dashboard": p([A, E, R, D, H, S]),
  // The working-day calendar: everyone reads it, administrators enter the State Council's arrangement.
  "POST /api/v1/admin/holiday-years": p([A]),
  "PUT /api/v1/admin/holiday-years/:year": p([A]),
  "GET /api/v1/admin/holiday-years": p([A, E, R, D, H, S]),
  // Notifications to citizens: delivery state and retries.
  "GET /api/v1/admin/notifications": p([A, S]),
  "POST /api/v1/admin/notifications/:id/retry": p([A]),
  // Staff accounts.
  "GET /api/v1/admin/accounts": p([A]),
  "POST /api/v1/admin/accounts": p([A]),
  "PATCH /api/v1/admin/accounts/:id": p([A]),
  "POST /api/v1/admin/accounts/:id/password": p([A]),
});

export const policyKey = (method: string, path: string): string => `${method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase()} ${path}`;
