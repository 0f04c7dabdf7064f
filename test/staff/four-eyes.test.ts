import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogCapability } from "../../src/catalog";
import { staffCapability } from "../../src/staff";
import { testDbKinds } from "../support/db";
import { startTestService, type TestService } from "../support/service";
import { loginStaff, signedInStaff, type StaffClient } from "../support/staff";

const fixtures = path.join(import.meta.dirname, "../catalog/fixtures/guides");
const CODE = "TEST-630000-0001";
const draft = `/api/v1/admin/items/${CODE}/draft`;

describe.each(testDbKinds())("a reviewer never publishes a draft they wrote (%s)", (db) => {
  let svc: TestService;
  let n = 0;
  beforeAll(async () => {
    svc = await startTestService({ db, capabilities: [staffCapability(), catalogCapability()], env: { AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: fixtures, LOG_LEVEL: "warn" } });
  });
  afterAll(async () => svc?.stop());

  /** `author` starts a draft, changes it and submits it; the revision under review. */
  async function writeAndSubmit(author: StaffClient): Promise<number> {
    const started = await author.call("POST", draft, {});
    expect(started.status).toBe(201);
    const guide = { ...started.json.guide, aliases: [...((started.json.guide.aliases as string[]) ?? []), `别名${++n}`] };
    const edited = await author.call("PUT", draft, { revision: started.json.revision, guide });
    expect(edited.status).toBe(200);
    const submitted = await author.call("POST", `${draft}/submit`, { revision: edited.json.revision });
    expect(submitted.json.status).toBe("in_review");
    return submitted.json.revision;
  }

  it("lets another reviewer publish an editor's draft, records both, and refuses the author", async () => {
    const editor = await signedInStaff(svc, "ed-a", "editor");
    const reviewer = await signedInStaff(svc, "rv-a", "reviewer");
    const revision = await writeAndSubmit(editor);
    // The editor may not publish at all (role), the reviewer may.
    expect((await editor.call("POST", `${draft}/publish`, { revision })).json.error.code).toBe("staff_role_forbidden");
    const published = await reviewer.call("POST", `${draft}/publish`, { revision });
    expect(published.status).toBe(200);
    const versions = (await reviewer.call("GET", `/api/v1/admin/items/${CODE}/versions`)).json.versions;
    expect(versions[0].publishedBy).toBe("rv-a");
    const audit = (await (await signedInStaff(svc, "boss-audit", "administrator")).call("GET", `/api/v1/admin/audit?entity=item:${CODE}`)).json.entries;
    expect(audit.find((e: any) => e.action === "draft.update").actor).toBe("ed-a");
  });

  it("refuses an administrator who edited the draft, and a reviewer who wrote it as an editor before a role change", async () => {
    const boss = await signedInStaff(svc, "boss", "administrator");
    let revision = await writeAndSubmit(boss);
    const own = await boss.call("POST", `${draft}/publish`, { revision });
    expect([own.status, own.json.error.code]).toEqual([403, "reviewer_is_author"]);
    const reviewer = await signedInStaff(svc, "rv-b", "reviewer");
    expect((await reviewer.call("POST", `${draft}/publish`, { revision })).status).toBe(200);

    const writer = await signedInStaff(svc, "ed-b", "editor");
    revision = await writeAndSubmit(writer);
    const id = (await boss.call("GET", "/api/v1/admin/accounts")).json.items.find((a: any) => a.username === "ed-b").id;
    expect((await boss.call("PATCH", `/api/v1/admin/accounts/${id}`, { role: "reviewer" })).json.role).toBe("reviewer");
    // The role change ended the old session; signed in again as a reviewer, still the author.
    expect((await writer.call("GET", "/api/v1/staff/me")).status).toBe(401);
    const asReviewer = await loginStaff(svc, "ed-b");
    const refused = await asReviewer.call("POST", `${draft}/publish`, { revision });
    expect([refused.status, refused.json.error.code]).toEqual([403, "reviewer_is_author"]);
  });
});
