import { describe, expect, it, vi } from "vitest";

// As if templates/<capability>/bo.yaml held every id — a Tibetan side added without touching
// code (issue 18). Each bo text is marked, so a label that still comes out Chinese is one the
// page took from somewhere else than the templates in the citizen's language.
vi.mock("../../src/platform/templates", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/platform/templates")>();
  return {
    ...real,
    t: (capability: string, lang: string, id: string, vars?: Record<string, string | number>) =>
      lang === "bo" ? `‹${capability}:${id}›` : real.t(capability, lang, id, vars),
    hasTemplate: (capability: string, _lang: string, id: string) => real.hasTemplate(capability, "zh", id),
  };
});

const { myComplaintPage, myComplaintsPage } = await import("../../src/complaints/http/citizen-pages");
const { myApplicationPage, myApplicationsPage } = await import("../../src/applications/http/citizen-pages");

type ComplaintView = Parameters<typeof myComplaintPage>[0];
type ApplicationView = Parameters<typeof myApplicationPage>[0];

const at = "2026-11-10T02:00:00.000Z";
// The presenters' labels are the staff's Chinese ones; the records' own words are kept ASCII here.
const complaint = {
  ticketNo: "QH20261110000001",
  kind: "complaint",
  kindLabel: "投诉",
  status: "replied",
  statusLabel: "已答复",
  text: "street light broken",
  address: null,
  createdAt: at,
  replyText: "fixed",
  repliedAt: at,
  replyDueAt: null,
  satisfaction: null,
  canRate: true,
  timeline: [{ status: "dispatched", statusLabel: "已派单", at }],
} as ComplaintView;
const step = { status: "accepted", label: "已受理", at, note: null, applied: true };
const application = {
  number: "QH0001",
  itemName: "ITEM",
  department: "DEPT",
  status: "accepted",
  statusLabel: "已受理",
  clock: { started: true, limit: "20", acceptedAt: at, dueDate: "2026-12-08", dueAt: null, daysUsed: 0, daysLeft: 20, paused: false, stopped: false, overdue: false, problem: null },
  timeline: [step],
} as unknown as ApplicationView;

/** The page's visible words without the language switch (it names each language in that language). */
const words = (page: string) => page.replace(/<nav class="langs"[\s\S]*?<\/nav>/, "").replace(/<[^>]+>/g, " ");
const HAN = /\p{Script=Han}+/gu;

describe("the citizens' own pages take every label from the templates in the citizen's language", () => {
  it.each([
    ["my complaints", () => myComplaintsPage([complaint], "bo", new Date(at))],
    ["one complaint", () => myComplaintPage(complaint, "bo", new Date(at))],
    ["my applications", () => myApplicationsPage([application], "bo")],
    ["one application", () => myApplicationPage(application, "bo")],
  ])("%s in Tibetan shows no Chinese label", (_name, render) => {
    const page = render();
    expect(words(page).match(HAN) ?? []).toEqual([]);
    expect(page).toMatch(/‹(complaints|applications):(labels\.)?status\./);
  });

  it("in Chinese the same pages read as before", () => {
    expect(myComplaintPage(complaint, "zh", new Date(at))).toContain("已答复");
    expect(myApplicationPage(application, "zh")).toContain("已受理");
  });
});
