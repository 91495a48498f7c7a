// desk.test.mjs — the web desk in a real browser: sign in, today on the demo desk, a case worked
// from concern to a chosen offer, the reply editor's live tone check, the hold that refuses a
// release, one walk with the keyboard alone, and a search from the header box (a hit marked and
// followed, a query that cannot be read refused beside the field). Run by `make check`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDesk, launch, shot, signIn, tabTo, USER, PASSWORD } from "./harness.mjs";

let desk, browser, page;

before(async () => {
  desk = await startDesk();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(10000);
});

after(async () => {
  if (browser) await browser.close();
  if (desk) await desk.stop();
});

test("sign in", async () => {
  await page.goto(`${desk.url}/`);
  assert.match(page.url(), /\/signin/); // the desk is not open to anyone
  await signIn(page, desk.url);
  await shot(page, "01-signed-in");
  assert.equal(await page.textContent("header.top form[action='/signout'] button"), `Sign out ${USER}`);
});

test("see today on the demo desk", async () => {
  await page.goto(`${desk.url}/`);
  assert.equal(await page.textContent("h1"), "Today, 2026-11-25");
  assert.match(await page.textContent("#due"), /invoice 2026-031: 2,600.00 USD open, 10 days past due/);
  assert.match(await page.textContent("body"), /review_threat on case 2/);
  await shot(page, "02-today");
});

test("open a case", async () => {
  await page.click("text=Case 1 — Harbour Lane Bakery");
  assert.equal(await page.textContent("h1"), "Case 1 — Harbour Lane Bakery");
  assert.equal(await page.textContent("ol.stages [aria-current=step]"), "intake");
  assert.equal(await page.getAttribute("mark[data-rule=displeased]", "title"), "displeased");
  await shot(page, "03-case");
});

test("record a concern, and a refused one shows its error beside the field", async () => {
  await page.click("#form-concern button[type=submit]"); // empty: refused
  assert.match(await page.textContent("#concern-text-error"), /^text:/);
  assert.equal(await page.getAttribute("#concern-text", "aria-invalid"), "true");
  await page.fill("#concern-text", "Two menu boards show the old prices");
  await page.fill("#concern-specifics", "boards 3 and 5");
  await page.click("#form-concern button[type=submit]");
  assert.equal(await page.textContent(".notice"), "Concern recorded.");
  assert.match(await page.textContent("#concern-list"), /Two menu boards show the old prices/);
  assert.equal(await page.textContent("ol.stages [aria-current=step]"), "listening");
  await shot(page, "04-concern");
});

test("restate and confirm", async () => {
  await page.fill("#acknowledge-text", "I am sorry: the old prices on two boards were my mistake.");
  await page.click("#form-acknowledge button[type=submit]");
  await page.selectOption("#cause-root", "quality");
  await page.click("#form-cause button[type=submit]");
  await page.fill("#want-want", "the two boards reprinted right");
  await page.fill("#want-goal", "the counter opens on Saturday");
  await page.click("#form-want button[type=submit]");
  assert.match(await page.textContent("#restatement"), /not confirmed yet/);
  await page.selectOption("#confirm-by", "client");
  await page.click("#form-confirm button[type=submit]");
  assert.match(await page.textContent("#restatement"), /confirmed by client/);
  assert.equal(await page.textContent("ol.stages [aria-current=step]"), "want_confirmed");
  await shot(page, "05-restated");
});

test("make an offer and choose it", async () => {
  await page.fill("#offer-option", "redo:reprint boards 3 and 5:2026-11-27\npartial_refund:10%:2026-11-30");
  await page.click("#form-offer button[type=submit]");
  assert.equal(await page.textContent(".notice"), "Offer made.");
  await page.click("text=Client chose option 1");
  assert.match(await page.textContent(".notice"), /choice is recorded/);
  assert.match(await page.textContent("#commitments"), /reprint boards 3 and 5/);
  assert.equal(await page.textContent("ol.stages [aria-current=step]"), "agreed");
  await shot(page, "06-offer-chosen");
});

test("the reply editor highlights a conditional apology as it is typed", async () => {
  await page.goto(`${desk.url}/cases/2`);
  await page.click("#draft-text");
  await page.keyboard.type("I'm sorry if you felt ignored, but the album takes time.");
  const mark = page.locator('#tone-preview mark[data-rule="conditional-apology"]');
  await mark.waitFor();
  assert.match(await mark.textContent(), /^sorry if/);
  await mark.focus(); // the suggestion shows on focus as on hover
  assert.ok(await mark.locator(".tip").isVisible());
  assert.match(await page.textContent("#tone-findings"), /conditional apology/);
  await shot(page, "07-tone-check");
});

test("a release during the hold is refused", async () => {
  await page.focus("#draft-text"); // back from the suggestion to the editor, then save
  await page.click("#form-draft button[type=submit]");
  assert.match(await page.textContent(".notice"), /held before it can be sent/);
  assert.match(await page.textContent("[data-countdown]"), /On hold/);
  await page.click("form:has(input[name=form][value=release]) button");
  // said at the top, and beside the release button the summary links to
  assert.match(await page.textContent("main > [role=alert]"), /^Not done: draft \d+: on hold until/);
  assert.match(await page.textContent("#failed"), /on hold until/);
  assert.doesNotMatch(await page.textContent("#timeline"), /I'm sorry if you felt ignored/);
  await shot(page, "08-release-refused");
});

test("the keyboard alone: sign in, open a case, record a concern", async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } }); // a phone
  const kb = await ctx.newPage();
  kb.setDefaultTimeout(10000);
  await kb.goto(`${desk.url}/signin`);
  await tabTo(kb, "#name");
  await kb.keyboard.type(USER);
  await kb.keyboard.press("Tab");
  await kb.keyboard.type(PASSWORD);
  await Promise.all([kb.waitForURL(`${desk.url}/`), kb.keyboard.press("Enter")]);
  await tabTo(kb, 'a[href="/cases/3"]');
  await Promise.all([kb.waitForURL(`${desk.url}/cases/3`), kb.keyboard.press("Enter")]);
  await tabTo(kb, "#next-action");
  await kb.keyboard.press("Enter"); // jumps to the form of the next step
  await tabTo(kb, "#concern-text", 5);
  await kb.keyboard.type("The invoice counts two revisions as extra");
  await tabTo(kb, "#form-concern button[type=submit]", 10);
  await kb.keyboard.press("Enter");
  await kb.waitForSelector(".notice");
  assert.match(await kb.textContent("#concern-list"), /two revisions as extra/);
  await shot(kb, "09-keyboard-phone");
  await ctx.close();
});

test("search the demo desk from the header box and open the hit", async () => {
  await page.goto(`${desk.url}/`);
  await page.fill("#top-query", "prices");
  await Promise.all([page.waitForURL(/\/search\?query=prices$/), page.press("#top-query", "Enter")]);
  assert.equal(await page.textContent("h1"), "Search");
  assert.equal(await page.inputValue("#search-query"), "prices");
  assert.match(await page.textContent("#results-h"), /^Results 1–\d+, best first$/);
  assert.equal((await page.textContent("#results li.hit mark")).toLowerCase(), "prices");
  await shot(page, "10-search");
  await Promise.all([page.waitForURL(/\/cases\/\d+$/), page.click("#results li.hit a[href^='/cases/']")]);
  assert.match(await page.textContent("h1"), /^Case \d+ — /);
});

test("a search that cannot be read is refused beside the field", async () => {
  await page.fill("#top-query", '"unclosed');
  await page.press("#top-query", "Enter");
  await page.waitForSelector("#search-query-error");
  assert.match(await page.textContent("#search-query-error"), /^query: .* is not a search/);
  assert.equal(await page.getAttribute("#search-query", "aria-invalid"), "true");
  assert.equal(await page.inputValue("#search-query"), '"unclosed');
  await shot(page, "11-search-refused");
});
