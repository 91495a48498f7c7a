// forms.test.mjs — the web desk's forms beyond the playbook's main line, in a real browser:
// escalating a case to mediation and recording the mediator's final proposal, and a payment
// reminder previewed and then sent from the invoice's page on a phone-sized screen. Run by
// `make check` (node --test).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDesk, launch, shot, signIn } from "./harness.mjs";

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
