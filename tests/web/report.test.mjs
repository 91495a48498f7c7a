// report.test.mjs — the report page's charts are drawn by the server as SVG (one column per
// month of the period, one bar per root cause, as the JSON API counts them), and the report and
// a letter sent to a client download as PDF. Run by `make check` (node --test).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDesk, launch, shot, signIn } from "./harness.mjs";

let desk, browser, page;

before(async () => {
  desk = await startDesk();
  desk.run(["invoice", "remind", "3"]); // something sent to Northwind, to download as a letter
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(10000);
  await signIn(page, desk.url);
});

after(async () => {
  if (browser) await browser.close();
  if (desk) await desk.stop();
});

test("the report page draws its charts as SVG", async () => {
  await page.goto(`${desk.url}/report?from=2026-06-01&to=2026-11-30`);
  assert.equal(await page.textContent("h1"), "What keeps going wrong");
  // June to November: six columns, the months without a case drawn at zero height
  assert.equal(await page.locator("svg.over-time rect.bar").count(), 6);
  const api = await (await page.request.get(`${desk.url}/api/v1/report?from=2026-06-01&to=2026-11-30`)).json();
  assert.equal(await page.locator("svg.bars").first().locator("rect.bar").count(), api.root_causes.length);
  const heights = await page.locator("svg.over-time rect.bar").evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("height"))));
  assert.equal(heights.filter((h) => h > 0).length, new Set(api.by_month.map((m) => m.month)).size);
  assert.match(await page.textContent("body"), /Days from complaint to settled/);
  await shot(page, "20-report");
});

test("the report and a letter download as PDF", async () => {
  const href = await page.getAttribute("#report-pdf", "href");
  const report = await page.request.get(`${desk.url}${href}`);
  assert.equal(report.status(), 200);
  assert.equal(report.headers()["content-type"], "application/pdf");
  assert.equal((await report.body()).subarray(0, 5).toString(), "%PDF-");
  await page.goto(`${desk.url}/clients/3`);
  const letter = page.locator("ul.letters a.pdf").first();
  const r = await page.request.get(`${desk.url}${await letter.getAttribute("href")}`);
  assert.equal(r.status(), 200);
  assert.equal(r.headers()["content-type"], "application/pdf");
  assert.match(r.headers()["content-disposition"], /attachment; filename="letter-\d+\.pdf"/);
});
