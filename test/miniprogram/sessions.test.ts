import { afterAll, describe, expect, it } from "vitest";
import { createTestStore, testStoreKinds } from "../support/store";
import { createSession, resumeSession, revokeSession } from "../../src/miniprogram";
import type { AppContext } from "../../src/platform/context";
import type { KeyValueStore } from "../../src/platform/store";

describe.each(testStoreKinds())("sessions in the %s store", (kind) => {
  const store: KeyValueStore = createTestStore(kind);
  let t = Date.parse("2026-11-25T00:00:00Z");
  const ctx = { store, now: () => new Date(t), config: { SESSION_TTL_SECONDS: 600 } } as unknown as AppContext;
  afterAll(() => store.close());

  it("creates, slides, expires and revokes", async () => {
    const { token, expiresAt } = await createSession(ctx, "user-1");
    expect(expiresAt.getTime()).toBe(t + 600_000);
    expect(await store.ttl(`mp:session:${(await resumeSession(ctx, token))!.id}`)).toBeGreaterThan(590);
    t += 500_000;
    expect((await resumeSession(ctx, token))?.userId).toBe("user-1");
    t += 500_000; // 1000 s after creation, 500 s after last use
    const s = await resumeSession(ctx, token);
    expect(s?.expiresAt).toBe(t + 600_000);
    await revokeSession(ctx, s!.id);
    expect(await resumeSession(ctx, token)).toBeUndefined();

    const other = await createSession(ctx, "user-2");
    t += 601_000;
    expect(await resumeSession(ctx, other.token)).toBeUndefined();
    expect(await resumeSession(ctx, "short")).toBeUndefined();
  });
});
