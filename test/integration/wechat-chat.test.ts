import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service";
import { fixture, postWechat, wechatEnv } from "../wechat/helpers";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * One chat message as a straight line, on the full service: signed (and in safe mode
 * encrypted) WeChat XML → adapter → chat.handleMessage with the imported catalog → reply XML.
 * Plus the plain-word commands that reach other capabilities through chat: 人工, 投诉, 进度.
 */
describe.each(["plain", "aes"] as const)("WeChat → chat on the full service (%s mode)", (mode) => {
  let svc: TestService;
  let guidesDir: string;
  beforeAll(async () => {
    guidesDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-guides-"));
    for (const f of ["630000-gat-sfz-huanling.yaml", "630100-cgs-jiazhao-buling.yaml", "630100-scj-geti-sheli.yaml"]) {
      fs.copyFileSync(path.join(root, "guides", f), path.join(guidesDir, f));
    }
    svc = await startTestService({
      // Human service staffed at all hours: "人工" must transfer whatever the hour of the run.
      env: { ...wechatEnv(mode), AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guidesDir, ADMIN_TOKEN: "staff-token", WECHAT_TEMPLATE_COMPLAINT: "tmpl-complaint", HUMAN_SERVICE_HOURS: "always" },
    });
  });
  afterAll(async () => {
    await svc?.stop();
    fs.rmSync(guidesDir, { recursive: true, force: true });
  });

  const say = async (content: string, from = "o_citizen_1") => {
    const r = await postWechat(svc.url, fixture("text", { content, from }), { mode });
    expect(r.status).toBe(200);
    return r.reply!;
  };

  it("answers a colloquial question from the guide, with the guide link", async () => {
    const reply = await say("驾照丢了咋补");
    expect(reply.MsgType).toBe("text");
    expect(reply.Content).toContain("机动车驾驶证补领");
    expect(reply.Content).toContain("/guides/QH-630100-CGS-001");
    expect(Buffer.byteLength(reply.Content ?? "")).toBeLessThanOrEqual(2048);
  });

  it("keeps the conversation's item for a follow-up question", async () => {
    await say("身份证到期换领要带什么", "o_followup");
    const reply = await say("要多少钱？", "o_followup");
    expect(reply.Content).toContain("20元");
  });

  it("transfers to human customer service on 人工", async () => {
    const reply = await say("人工");
    expect(reply.MsgType).toBe("transfer_customer_service");
  });

  it("files a complaint through the guided dialogue and confirms a ticket number", async () => {
    const who = `o_complainer_${mode}`;
    expect((await say("我要投诉", who)).Content).toMatch(/描述|问题/);
    await say("小区门口的路灯坏了一个月了，晚上很黑", who);
    await say("西宁市城西区五四西路", who);
    await say("上个月开始", who);
    // The summary before filing (issue 19): confirmed, it files.
    expect((await say("否", who)).Content).toContain("请核对");
    const done = await say("确认", who);
    expect(done.Content).toMatch(/QH\d+/);
    const ticket = /QH\d+/.exec(done.Content ?? "")![0];
    const row = await svc.ctx.db.prisma.complaint.findFirst({ where: { ticketNo: ticket } });
    expect(row?.channel).toBe("wechat");

    // Staff answer it; the reply goes back to this citizen as an Official Account notification.
    const staff = (p: string, body: unknown = {}) =>
      fetch(`${svc.url}/api/v1/admin/complaints/${ticket}/${p}`, {
        method: "POST",
        headers: { authorization: "Bearer staff-token", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    if (row?.status === "accepted") expect((await staff("dispatch", { department: "西宁市城西区住房和城乡建设局" })).status).toBe(200);
    expect((await staff("sign")).status).toBe(200);
    expect((await staff("progress", { note: "已派人现场查看" })).status).toBe(200);
    expect((await staff("reply", { replyText: "路灯已于本周修复，感谢您的反映。" })).status).toBe(200);
    const notice = await svc.ctx.db.prisma.notification.findMany({ where: { kind: "complaint_reply", oaOpenid: who } });
    expect(notice).toHaveLength(1);
  });

  it("answers a progress query for an unknown number without revealing anything", async () => {
    // A mistyped number is a progress query (check the number), not a catalog question.
    const reply = await say("进度 QH123");
    expect(reply.Content).toContain("办件编号格式不正确");
  });
});
