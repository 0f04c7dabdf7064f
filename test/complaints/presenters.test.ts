import { describe, expect, it } from "vitest";
import { COMPLAINT_STATUSES } from "../../src/complaints/complaint-status";
import { ratingPage } from "../../src/complaints/http/pages";
import { presentCitizenComplaint, presentPublicComplaint } from "../../src/complaints/presenters";
import type { Complaint } from "../../src/complaints/workflow/db";

const ticket = (o: Partial<Complaint>): Complaint =>
  ({
    ticketNo: "QH20260302000001",
    kind: "complaint",
    status: "replied",
    text: "路灯不亮",
    address: null,
    district: "西宁市城东区",
    category: "城乡建设",
    replyText: "已修复",
    repliedAt: null,
    satisfaction: null,
    createdAt: new Date("2026-03-01T12:00:00Z"),
    ...o,
  }) as Complaint;

describe("complaint presenters", () => {
  it("gives public dates as Shanghai days, not UTC days", () => {
    const p = presentPublicComplaint(ticket({ createdAt: new Date("2026-03-01T23:30:00Z"), repliedAt: new Date("2026-03-04T16:00:00Z") }));
    expect(p.acceptedOn).toBe("2026-03-02"); // 07:30 on 2 March in Shanghai
    expect(p.repliedOn).toBe("2026-03-05"); // 00:00 on 5 March in Shanghai
    expect(presentPublicComplaint(ticket({ createdAt: new Date("2026-03-01T15:59:59Z") })).acceptedOn).toBe("2026-03-01");
    expect(presentPublicComplaint(ticket({})).repliedOn).toBeNull();
  });

  it("offers rating exactly where the state machine allows a move to rated", () => {
    const rateable = COMPLAINT_STATUSES.filter((status) => presentCitizenComplaint(ticket({ status })).canRate);
    expect(rateable).toEqual(["replied", "visited"]);
    for (const status of COMPLAINT_STATUSES) {
      const page = ratingPage(presentCitizenComplaint(ticket({ status })), "t");
      expect(page.includes('name="satisfaction"'), status).toBe(rateable.includes(status));
    }
  });
});
