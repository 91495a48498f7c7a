// harness.mjs — what the browser tests share: a demo desk in a scratch directory, `redress
// serve` on a free loopback port, Debian's chromium driven by playwright-core, and a screenshot
// per scenario under build/web/ for a person to look at.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "..", "..");
export const bin = process.env.REDRESS_BIN || path.join(root, "redress");
export const shots = process.env.REDRESS_SHOTS || path.join(root, "build", "web");
export const USER = "ann";
export const PASSWORD = "correct horse battery";
// the demo's complaints are dated November 2026: the server's "now" is fixed with them
const env = { ...process.env, REDRESS_NOW: "2026-11-25T09:00:00Z", TZ: "UTC", NO_COLOR: "1" };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Starts a server on a fresh demo desk with one user; resolves to {url, stop()}.
export async function startDesk() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "redress-web-"));
  const db = path.join(dir, "demo.db");
  const run = (args, input) => execFileSync(bin, ["--db", db, ...args], { env, input, stdio: ["pipe", "pipe", "pipe"] });
  run(["init"]);
  run(["demo"]);
  run(["user", "add", USER], PASSWORD + "\n");
  const port = await freePort();
  const child = spawn(bin, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`, "--quiet"], {
    env, stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  // a bound on waiting, not a speed check: a busy machine can take seconds to start it
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redress serve exited: ${log}`);
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`redress serve did not answer: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    run, // runs a redress command on this desk (args, standard input); returns its output
    log: () => log,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.on("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch() {
  mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    timeout: 30000,
  });
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

// Signs in through the form (mouse and keyboard alike: fill and click).
export async function signIn(page, url) {
  await page.goto(`${url}/signin`);
  await page.fill("#name", USER);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL(`${url}/`), page.click("button[type=submit]")]);
}

// Presses Tab until the focused element matches selector (at most max presses): how a person
// without a mouse reaches a control.
export async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
