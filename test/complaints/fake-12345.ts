import http from "node:http";
import type { AddressInfo } from "node:net";
import { sign12345 } from "../../src/complaints/outbox/signature";

/**
 * A stand-in for the external 12345 platform on 127.0.0.1: verifies the HMAC signature
 * (401 when wrong), fails on purpose while `down` > 0 (503, counting down), and records what
 * it accepted per Idempotency-Key. `hold` > 0 holds that many next responses (their outcome
 * decided on arrival) until `release()`: an attempt stalled mid-request.
 */
export async function startFake12345(secret: string) {
  const accepted = new Map<string, unknown[]>();
  const state = { down: 0, requests: 0, badSignatures: 0, hold: 0 };
  const held: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      state.requests++;
      // Decided on arrival; written now, or on release() while held.
      const isHeld = state.hold > 0;
      if (isHeld) state.hold--;
      const respond = (status: number, text: string, headers: http.OutgoingHttpHeaders = {}) => {
        const write = () => void res.writeHead(status, headers).end(text);
        if (isHeld) held.push(write);
        else write();
      };
      const ts = String(req.headers["x-12345-timestamp"] ?? "");
      if (req.headers["x-12345-signature"] !== sign12345(secret, ts, body)) {
        state.badSignatures++;
        respond(401, "bad signature");
        return;
      }
      if (state.down > 0) {
        state.down--;
        respond(503, "maintenance");
        return;
      }
      const key = String(req.headers["idempotency-key"]);
      accepted.set(key, [...(accepted.get(key) ?? []), JSON.parse(body)]);
      respond(200, '{"ok":true}', { "content-type": "application/json" });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  const release = () => held.splice(0).forEach((r) => r());
  return { url, state, accepted, release, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
