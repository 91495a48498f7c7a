// forms.test.mjs — the web desk's forms beyond the playbook's main line, in a real browser:
// escalating a case to mediation and recording the mediator's final proposal, and a payment
// reminder previewed and then sent from the invoice's page on a phone-sized screen, and a file
// attached to a case through the browser's own file picker and downloaded back, and a client's
// mail brought in from a case's timeline with the file picker, and a backup of the whole desk
// downloaded from the record page. Run by `make check` (node --test).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDesk, launch, shot, signIn, PASSWORD } from "./harness.mjs";

let desk, browser;

before(async () => {
  desk = await startDesk();
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (desk) await desk.stop();
});

test("escalate a case to mediation, then record the final proposal", async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(10000);
  await signIn(page, desk.url);
  await page.goto(`${desk.url}/cases/3`);
  await page.click("#escalate > summary");
  await page.selectOption("#escalate-level", "mediation");
  await page.fill("#escalate-reason", "Disputed revisions on invoice 2026-031");
  await page.fill("#escalate-mediator", "Harbourside Mediation");
  await page.fill("#escalate-date", "2026-12-01");
  await page.click("#form-escalate button[type=submit]");
  assert.match(await page.textContent(".notice"), /^Case escalated/);
  assert.match(await page.textContent("#escalation"), /Escalation 1: mediation/);
  assert.match(await page.textContent("#escalation"), /Harbourside Mediation, 2026-12-01/);
  await page.fill("#escalation_proposal-1-text", "Pay 2,000.00 now and the rest in January");
  await page.click("#form-escalation_proposal-1 button[type=submit]");
  assert.equal(await page.textContent(".notice"), "The mediation's final proposal is recorded.");
  assert.match(await page.textContent("#escalation"), /Final proposal: Pay 2,000.00 now and the rest in January/);
  await shot(page, "10-escalated-to-mediation");
  await page.close();
});

test("a payment reminder from the invoice page: preview, then send (phone-sized)", async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  await signIn(page, desk.url);
  await page.goto(`${desk.url}/invoices`);
  await page.click("a:text-is('2026-031')");
  assert.equal(await page.textContent("h1"), "Invoice 2026-031 — Northwind Analytics");
  assert.match(await page.textContent("#facts"), /Reminders sent\s*0/);
  // overdue: the reminder is the step the page unfolds
  await page.click("#form-remind button[name=preview]");
  assert.match(await page.textContent("#preview"), /nothing was sent, logged or counted/);
  assert.match(await page.textContent("#preview pre"), /^Dear Northwind Analytics/);
  assert.match(await page.textContent("#facts"), /Reminders sent\s*0/);
  // nothing on the page is wider than the phone
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await shot(page, "11-reminder-preview-phone");
  await page.click("#form-remind button:not([name=preview])");
  assert.equal(await page.textContent(".notice"), "Reminder sent and logged.");
  assert.match(await page.textContent("#facts"), /Reminders sent\s*1/);
  await ctx.close();
});

test("attach a file to a case with the file picker and download it back", async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(10000);
  await signIn(page, desk.url);
  await page.goto(`${desk.url}/cases/3`);
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]);
  await page.setInputFiles("#attach-file", {
    name: "the \"broken\" header.png",
    mimeType: "image/png",
    buffer: bytes,
  });
  await page.click("#form-attach button[type=submit]");
  assert.equal(await page.textContent(".notice"), "File kept with the case.");
  const link = page.locator("#attachments a", { hasText: 'the "broken" header.png' });
  assert.match(await page.textContent("#attachments"), /image\/png · 12 bytes/);
  const r = await page.request.get(`${desk.url}${await link.getAttribute("href")}`);
  assert.equal(r.status(), 200);
  assert.equal(r.headers()["content-type"], "image/png");
  assert.match(r.headers()["content-disposition"], /^attachment; filename="the _broken_ header.png"/);
  assert.deepEqual(await r.body(), bytes);
  await page.close();
});

test("bring in a client's mail from the case's timeline with the file picker", async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(10000);
  await signIn(page, desk.url);
  await page.goto(`${desk.url}/cases/3`);
  await page.click("text=Bring in mail for this case");
  assert.equal(await page.inputValue("#import-case"), "3");
  const eml = [
    "From: Accounts <ap@northwind.example>",
    "To: me@studio.example",
    "Subject: The dashboard export",
    "Date: Mon, 30 Nov 2026 08:15:00 +0000",
    "Message-ID: <browser-import-1@northwind.example>",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The export still drops the March rows. Third time I am asking.",
    "",
  ].join("\r\n");
  await page.setInputFiles("#import-file", {
    name: "export.eml",
    mimeType: "message/rfc822",
    buffer: Buffer.from(eml),
  });
  await page.click("#form-import button[type=submit]");
  assert.match(await page.textContent("#imported"), /1 message read as one message: 1 imported, 0 already there, 0 skipped\./);
  await page.goto(`${desk.url}/cases/3`);
  assert.match(await page.textContent("#timeline"), /The export still drops the March rows\./);
  await page.close();
});

test("download a backup from the record page, the password asked again", async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(10000);
  await signIn(page, desk.url);
  await page.goto(`${desk.url}/record`);
  await page.fill("#backup-password", "not my password at all");
  await page.click("#form-backup button[type=submit]");
  assert.equal(await page.textContent("#backup-password-error"), "password: that is not your password");
  assert.equal(await page.inputValue("#backup-password"), "");
  await page.fill("#backup-password", PASSWORD);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("#form-backup button[type=submit]"),
  ]);
  assert.match(download.suggestedFilename(), /^redress-\d{8}T\d{6}Z\.db$/);
  const head = Buffer.alloc(16);
  const { openSync, readSync, closeSync } = await import("node:fs");
  const fd = openSync(await download.path(), "r");
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  assert.equal(head.toString("latin1"), "SQLite format 3\0");
  await page.close();
});
