import { describe, expect, it } from "vitest";
import { loadSession, saveSession } from "../../src/chat/session";
import { MemoryStore } from "../../src/platform/store";

describe("chat sessions", () => {
  const store = new MemoryStore();
  const state = { itemCode: "A1", itemName: "身份证补领", candidates: [{ code: "A1", name: "身份证补领" }], lang: "zh" as const };

  it("load as a read-only view shared by conversations in the same state, and copies of their own to change", async () => {
    await saveSession(store, "wechat", "o1", state);
    await saveSession(store, "wechat", "o2", JSON.stringify(state));
    const a = await loadSession(store, "wechat", "o1");
    const b = await loadSession(store, "wechat", "o2");
    expect(a.session).toEqual(state);
    expect(b.session).toBe(a.session);
    expect(Object.isFrozen(a.session) && Object.isFrozen(a.session.candidates) && Object.isFrozen(a.session.candidates![0])).toBe(true);
    const mine = a.copy();
    mine.itemCode = "B2";
    mine.candidates!.push({ code: "B2", name: "户口迁移" });
    expect(a.copy()).toEqual(state);
    expect((await loadSession(store, "wechat", "o2")).session).toEqual(state);
  });

  it("remember only the assistant's own catalog state, never another dialogue's (personal) details", async () => {
    await saveSession(store, "wechat", "o3", { itemCode: "C3", aspect: "fees" });
    const first = await loadSession(store, "wechat", "o3");
    expect((await loadSession(store, "wechat", "o3")).session).toBe(first.session); // remembered: parsed once
    const drafting = JSON.stringify({ itemCode: "C3", complaintDraft: { step: "where", text: "我家楼下噪音扰民，电话13812345678" } });
    await store.set("chat:session:wechat:o4", drafting);
    const a = await loadSession(store, "wechat", "o4");
    const b = await loadSession(store, "wechat", "o4");
    expect(a.session).toEqual(JSON.parse(drafting));
    expect(Object.isFrozen(a.session)).toBe(true);
    expect(b.session).not.toBe(a.session); // not remembered: parsed each time
  });

  it("start afresh when there is none or it is unreadable", async () => {
    for (const raw of ["{", "null", "[1]", "42", '"x"']) {
      await store.set("chat:session:wechat:bad", raw);
      const l = await loadSession(store, "wechat", "bad");
      expect(l.json).toBe("{}");
      expect(l.session).toEqual({});
      expect(l.copy()).toEqual({});
    }
    expect((await loadSession(store, "wechat", "nobody")).json).toBe("{}");
  });
});
