// portal.test.mjs — the client's side in a real browser, with two browser contexts: the user
// signed in to the desk, and the client who has only the private link. The client confirms the
// restatement, chooses an option and leaves feedback; the user sees each on today and in the
// case's log. Looking at the client's page changes nothing. Run by `make check` (node --test).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDesk, launch, shot, signIn } from "./harness.mjs";

let desk, browser, user, client, link;

before(async () => {
  desk = await startDesk();
  browser = await launch();
  user = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  client = await (await browser.newContext({ viewport: { width: 420, height: 860 } })).newPage();
  user.setDefaultTimeout(10000);
  client.setDefaultTimeout(10000);
  // the case walked to a restatement waiting for the client, as the user would on the CLI
  desk.run(["config", "set", "me.email", "sam@studio.example"]);
  desk.run(["case", "concern", "add", "1", "--text", "Two menu boards show the old prices"]);
  desk.run(["case", "acknowledge", "1", "--text", "-"], "I am sorry: the old prices were my mistake.");
  desk.run(["case", "cause", "1", "--root", "quality", "--notes", "internal: proof never checked"]);
  desk.run(["case", "want", "1", "--want", "the two boards reprinted right", "--goal", "the counter opens on Saturday"]);
});

after(async () => {
  if (browser) await browser.close();
  if (desk) await desk.stop();
});

test("the user makes a private link from the case page", async () => {
  await signIn(user, desk.url);
  await user.goto(`${desk.url}/cases/1`);
  await user.click("text=Make a private link for the client");
  link = await user.inputValue("#portal-url");
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/p\/p_[A-Za-z0-9_-]{43}$/);
  await shot(user, "portal-00-link");
});

test("the client opens the link and sees only their part", async () => {
  const before = desk.run(["log", "list", "--client", "1", "--json"]).toString();
  await client.goto(link);
  assert.match(await client.textContent(".restatement"), /the two boards reprinted right so that the counter opens on Saturday/);
  const body = await client.textContent("body");
  assert.doesNotMatch(body, /internal: proof never checked/);
  assert.doesNotMatch(body, /Marco Bellini|Northwind/);
  assert.match(body, /sam@studio\.example/);
  await client.click("text=Yes, that is right"); // a GET: the confirmation page
  assert.equal(await client.textContent("h1"), "Please confirm");
  await client.goBack();
  assert.equal(desk.run(["log", "list", "--client", "1", "--json"]).toString(), before);
  await shot(client, "portal-01-client-page");
});

test("the client confirms the restatement", async () => {
  await client.goto(link);
  await client.click("text=Yes, that is right");
  await client.fill("textarea[name=words]", "Yes, exactly that.");
  await client.click("form button[type=submit]");
  assert.match(await client.textContent(".notice"), /you confirmed what we understood/);
  assert.match(await client.textContent("body"), /You confirmed this\./);
  await shot(client, "portal-02-confirmed");
});

test("the client chooses an option", async () => {
  desk.run(["offer", "make", "1", "--option", "redo:reprint boards 3 and 5:2026-11-27",
            "--option", "extra_support:a call to check the new prices:2026-11-30"]);
  await client.goto(link);
  assert.equal(await client.locator("ol.options > li").count(), 2);
  await client.click("ol.options > li:first-child >> text=Choose this");
  await client.click("form button[type=submit]");
  assert.match(await client.textContent(".notice"), /we have your choice/);
  assert.match(await client.textContent("body"), /What we promised/);
  await shot(client, "portal-03-chosen");
});

test("the client leaves feedback", async () => {
  const c = JSON.parse(desk.run(["commitment", "list", "--case", "1", "--json"]).toString());
  desk.run(["commitment", "done", String(c[0].id)]);
  await client.goto(link);
  await client.click("text=Leave feedback");
  await client.selectOption("select[name=score]", "4");
  await client.fill("textarea[name=words]", "Quick and careful, thank you");
  await client.click("form button[type=submit]");
  assert.match(await client.textContent(".notice"), /Thank you for your feedback/);
  await shot(client, "portal-04-feedback");
});

test("the user sees each action on today and in the log", async () => {
  await user.goto(`${desk.url}/`);
  const today = await user.textContent("body");
  assert.match(today, /confirmed the restatement/);
  assert.match(today, /chose option 1/);
  assert.match(today, /left feedback: 4 out of 5/);
  await shot(user, "portal-05-user-today");
  const log = desk.run(["log", "list", "--client", "1", "--json"]).toString();
  assert.match(log, /"channel": "portal"/);
  assert.match(log, /Quick and careful, thank you/);
});
