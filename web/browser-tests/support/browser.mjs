// Playwright (playwright-core only: no browser downloads) driving Debian's Chromium.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { BASE_URL, CHROMIUM, HEADLESS, OUT_DIR, SLOW, checkChromium, log } from './env.mjs';

export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Timeouts, multiplied by LIVEDROP_BROWSER_SLOW. */
export const T = {
  action: 30_000 * SLOW,
  /** a drop going live or selling out, through the scheduler, Kafka and polling */
  live: 90_000 * SLOW,
  page: 45_000 * SLOW,
};

export async function launch() {
  checkChromium();
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: HEADLESS,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  log(`Chromium ${browser.version()} against ${BASE_URL}; artifacts in ${OUT_DIR}`);
  return browser;
}

/**
 * One person with their own browser context (cookies, localStorage, realtime stream). Their page's
 * uncaught errors are collected (and fail the run), console messages are kept in a log file.
 */
export class Actor {
  static all = [];

  constructor(name, context, page) {
    this.name = name;
    this.context = context;
    this.page = page;
    this.pageErrors = [];
    this.console = [];
    Actor.all.push(this);
  }

  static async open(browser, name, device = DESKTOP) {
    const context = await browser.newContext({
      ...device,
      baseURL: BASE_URL,
      locale: 'en-US',
      // not UTC: the console's datetime-local fields must be converted from local time
      timezoneId: 'Europe/Paris',
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(T.action);
    context.setDefaultNavigationTimeout(T.page);
    const page = await context.newPage();
    const actor = new Actor(name, context, page);
    page.on('pageerror', (e) => {
      actor.pageErrors.push(`${page.url()}: ${e.stack ?? e.message}`);
      actor.console.push(`[pageerror] ${e.message}`);
    });
    page.on('console', (m) => actor.console.push(`[${m.type()}] ${m.text()}`));
    page.on('requestfailed', (r) => {
      // an SSE stream cut by a navigation is not a failure worth a line
      if (!r.url().includes('/api/realtime/sse'))
        actor.console.push(`[requestfailed] ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
    });
    return actor;
  }

  async goto(pathname) {
    await this.page.goto(pathname, { waitUntil: 'domcontentloaded' });
    await settled(this.page);
  }

  async close() {
    writeFileSync(path.join(OUT_DIR, `console-${this.name}.log`), this.console.join('\n') + '\n');
    await this.context.close().catch(() => {});
  }
}

/** The page rendered its h1 and no "Loading…" is left. */
export async function settled(page, timeout = T.page) {
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout });
  await page.locator('main .loading').first().waitFor({ state: 'detached', timeout });
}

/** Numbered screenshots of one scenario: test-results/browser/<scenario>/<nn>-<step>.png (viewport only). */
export function screenshots(scenario) {
  const dir = path.join(OUT_DIR, scenario);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page, step, options = {}) => {
    n++;
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', ...options });
    log(`  screenshot ${path.relative(OUT_DIR, file)}`);
    return file;
  };
}

/** Screenshots of every open page, for a failed scenario. */
export async function failureShots(scenario) {
  const dir = path.join(OUT_DIR, scenario);
  mkdirSync(dir, { recursive: true });
  for (const actor of Actor.all) {
    if (actor.page.isClosed()) continue;
    const file = path.join(dir, `FAILED-${actor.name}.png`);
    await actor.page.screenshot({ path: file, fullPage: true }).catch(() => {});
    log(`  failure screenshot ${path.relative(OUT_DIR, file)} (${actor.page.url()})`);
  }
}

/** Runs a scenario body; on failure screenshots every page first. */
export async function scenario(name, body) {
  log(`${name}: start`);
  const t0 = Date.now();
  try {
    await body();
    log(`${name}: passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    log(`${name}: FAILED after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${e.message}`);
    await failureShots(name);
    throw e;
  }
}

// --- sign-in ------------------------------------------------------------------------------------

export async function registerInUi(actor, user) {
  const { page } = actor;
  await actor.goto('/register');
  await page.getByLabel('Name', { exact: true }).fill(user.name);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await signedInAs(actor, user);
}

export async function signInInUi(actor, user, { next } = {}) {
  const { page } = actor;
  await actor.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedInAs(actor, user);
}

async function signedInAs(actor, user) {
  await actor.page.locator('.account-name', { hasText: user.name }).waitFor();
  await settled(actor.page);
}

// --- waits ----------------------------------------------------------------------------------------

/** Waits until the page's function answers truthy (evaluated in the page), e.g. no reload happened. */
export async function waitInPage(page, fn, arg, timeout = T.action) {
  return page.waitForFunction(fn, arg, { timeout, polling: 250 });
}

/** Marks the document so a later check can tell it was never reloaded. */
export async function markDocument(page) {
  await page.evaluate(() => {
    window.__livedropNoReload = true;
  });
}

export async function assertNotReloaded(page) {
  const still = await page.evaluate(() => window.__livedropNoReload === true);
  if (!still) throw new Error(`the page was reloaded (${page.url()})`);
}

// --- live stock ---------------------------------------------------------------------------------

/**
 * The `dropUpdates` messages that a page receives on its GraphQL WebSocket (/graphql, graphql-transport-ws),
 * from now on, each as `{at, id, status, available, soldOut}`: call it before the page opens the socket.
 */
export function recordDropUpdates(page) {
  const updates = [];
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).pathname !== '/graphql') return;
    ws.on('framereceived', ({ payload }) => {
      let message;
      try {
        message = JSON.parse(String(payload));
      } catch {
        return; // not JSON: not ours to judge here
      }
      const drop = message?.type === 'next' ? message.payload?.data?.dropUpdates : null;
      if (drop) updates.push({ at: Date.now(), ...drop });
    });
  });
  return updates;
}

/** The page's REST reads of one drop (`GET /api/drops/{id}`) from now on: `{reads, stop()}`. */
export function recordDropReads(page, dropId) {
  const reads = [];
  const path = `/api/drops/${encodeURIComponent(dropId)}`;
  const onRequest = (r) => {
    if (r.method() === 'GET' && new URL(r.url()).pathname === path) reads.push(Date.now());
  };
  page.on('request', onRequest);
  return { reads, stop: () => page.off('request', onRequest) };
}

// --- accessibility --------------------------------------------------------------------------------

/**
 * axe-core in the page (real layout, so colour contrast counts): its serious and critical
 * violations, and the ids of the moderate and minor ones (reported, not failed).
 */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  const severe = (v) => v.impact === 'serious' || v.impact === 'critical';
  const serious = result.violations.filter(severe).map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes
      .slice(0, 5)
      .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
  }));
  const minor = result.violations.filter((v) => !severe(v)).map((v) => `${v.id} (${v.impact})`);
  return { serious, minor };
}
