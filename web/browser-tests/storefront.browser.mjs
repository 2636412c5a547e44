// End-to-end tests of the web client in Chromium against a running fleet (LIVEDROP_URL):
// the scenarios run in order and share their accounts and drops.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as api from './support/api.mjs';
import {
  Actor,
  PHONE,
  T,
  assertNotReloaded,
  axeViolations,
  launch,
  markDocument,
  recordDropReads,
  recordDropUpdates,
  registerInUi,
  scenario,
  screenshots,
  settled,
  signInInUi,
  waitInPage,
} from './support/browser.mjs';
import { RUN, SLOW, log } from './support/env.mjs';

/** Seconds between scheduling a drop and its start: enough for the follower to open its page first. */
const LEAD_S = Number(process.env.LIVEDROP_BROWSER_LEAD || 20) * SLOW;
/** The waiting-room drop starts this long after it is created (the shopper joins before). */
const ROOM_LEAD_S = Number(process.env.LIVEDROP_BROWSER_ROOM_LEAD || 25) * SLOW;

const TEST = { timeout: 6 * 60_000 * SLOW };

let browser;
/** What the scenarios hand on to each other. */
const s = {};

/** In the page: the "Buy now" button is enabled and a stock bar is shown. */
const buyable = () => {
  const b = document.querySelector('[data-testid=buy-now]');
  return !!b && !b.disabled && !!document.querySelector('[data-testid=stock-bar]');
};

/** The header's brand, the page heading and the footer text start at the same left edge. */
async function sameLeftEdge(page) {
  const lefts = await page.evaluate(() =>
    ['.site-header .brand', 'main h1', '.site-footer p'].map((sel) => {
      const el = document.querySelector(sel);
      const range = document.createRange();
      range.selectNodeContents(el);
      return [sel, Math.round(range.getBoundingClientRect().left)];
    }),
  );
  const [, first] = lefts[0];
  for (const [sel, left] of lefts) {
    assert.ok(Math.abs(left - first) <= 1, `${sel} starts at x=${left}, not at x=${first}: ${JSON.stringify(lefts)}`);
  }
}

/** Buy now → pay with the test Visa → confirmed (and its toast), with a screenshot per step. */
async function buyAndPay(actor, shot, prefix) {
  const { page } = actor;
  await page.getByRole('button', { name: 'Buy now' }).click();
  const payment = page.getByTestId('payment-step');
  await payment.waitFor();
  assert.ok(await page.getByLabel('Test Visa — payment succeeds').isChecked(), 'the test Visa is the default card');
  await shot(page, `${prefix}-payment`);
  const toast = page.getByTestId('toast').filter({ hasText: 'Order confirmed' });
  const toastSeen = toast.waitFor({ timeout: T.live });
  await page.getByRole('button', { name: 'Pay' }).click();
  const confirmed = page.getByTestId('order-confirmed');
  await confirmed.waitFor({ timeout: T.live });
  assert.match(await confirmed.innerText(), /Order confirmed!/);
  await toastSeen;
  await shot(page, `${prefix}-confirmed`);
}

describe('LiveDrop web client in Chromium', () => {
  before(async () => {
    await api.requireFleet();
    browser = await launch();
    // Set-up through the API: accounts that are not the point of a scenario.
    const [follower, buyer2, buyer3, shopper] = await Promise.all(
      ['follower', 'buyer', 'rival', 'shopper'].map((role) => api.registerUser(role)),
    );
    Object.assign(s, { follower, buyer2, buyer3, shopper });
    // The follower and the second buyer sign in now: their pages must be open before the drop starts.
    s.followerActor = await Actor.open(browser, 'follower');
    s.buyerActor = await Actor.open(browser, 'buyer');
    await Promise.all([signInInUi(s.followerActor, follower), signInInUi(s.buyerActor, buyer2)]);
    log(`accounts ready (run ${RUN})`);
  });

  after(async () => {
    for (const actor of Actor.all) await actor.close();
    await browser?.close();
  });

  test('1. a creator registers, becomes a creator, adds a product and schedules a drop in the console', TEST, () =>
    scenario('1-creator-console', async () => {
      const shot = screenshots('1-creator-console');
      const creator = {
        name: `Maker ${RUN.slice(-4)}`,
        email: `creator-${RUN}@example.com`,
        password: `pw-${RUN}-creator`,
      };
      const actor = await Actor.open(browser, 'creator');
      s.creator = creator;
      s.creatorActor = actor;
      const { page } = actor;

      await registerInUi(actor, creator);
      await shot(page, 'registered');

      await page.getByRole('link', { name: 'Creator console' }).click();
      await page.getByRole('heading', { name: 'Become a creator' }).waitFor();
      await page.getByLabel('Handle').fill(`maker_${RUN}`);
      await page.getByLabel('Display name').fill(`Maker Studio ${RUN.slice(-4)}`);
      await page.getByLabel('Bio (optional)').fill('Small-batch sneakers, dropped live.');
      await shot(page, 'become-creator');
      await page.getByRole('button', { name: 'Become a creator' }).click();
      await page.getByRole('heading', { name: 'Products', exact: true }).waitFor();
      creator.displayName = `Maker Studio ${RUN.slice(-4)}`;

      const title = `Aurora runner ${RUN}`;
      s.title = title;
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Description').fill('Hand-finished runner in a numbered edition.');
      await page.getByLabel('Price', { exact: true }).fill('89.90');
      await page.getByLabel('Currency').selectOption('EUR');
      await page.getByRole('button', { name: 'Add product' }).click();
      await page.getByText('Product added.').waitFor();
      await page.getByTestId('products').getByRole('heading', { name: title }).waitFor();
      await shot(page, 'product-added');

      // The drop: starts LEAD_S seconds from now, 2 units, 1 per customer. The form takes local
      // time (the context runs in Europe/Paris); the page turns it into UTC.
      const startsAt = new Date(Math.ceil((Date.now() + LEAD_S * 1000) / 1000) * 1000);
      const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
      const local = (d) =>
        page.evaluate((ms) => {
          const t = new Date(ms);
          const p = (n) => String(n).padStart(2, '0');
          return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}`;
        }, d.getTime());
      await page.getByLabel('Product', { exact: true }).selectOption({ label: title });
      await page.getByLabel('Starts at').fill(await local(startsAt));
      await page.getByLabel('Ends at').fill(await local(endsAt));
      await page.getByLabel('Stock', { exact: true }).fill('2');
      await page.getByLabel('Limit per customer').fill('1');
      await page.getByLabel('Low-stock alert at').fill('1');
      // Fields side by side keep one input height, whether or not a neighbour has a hint.
      const heights = await Promise.all(
        ['Stock', 'Limit per customer', 'Low-stock alert at'].map(async (label) =>
          Math.round((await page.getByLabel(label, { exact: true }).boundingBox()).height),
        ),
      );
      assert.ok(Math.max(...heights) - Math.min(...heights) <= 1, `input heights in one row: ${heights}`);
      await shot(page, 'schedule-form');
      await page.getByRole('button', { name: 'Schedule drop' }).click();
      const liveViewLink = page.getByRole('link', { name: 'Open its live view' });
      await liveViewLink.waitFor();
      const href = await liveViewLink.getAttribute('href');
      s.dropId = decodeURIComponent(href.split('/').pop());
      await page.locator('section[aria-labelledby=my-drops-heading]').getByRole('link', { name: title }).waitFor();
      await shot(page, 'drop-scheduled');

      const drop = await api.getDrop(s.dropId);
      s.creator.id = drop.creatorId;
      s.productId = drop.productId;
      assert.equal(drop.status, 'upcoming');
      assert.equal(drop.initialStock, 2);
      assert.equal(drop.perUserLimit, 1);
      assert.equal(Date.parse(drop.startsAt), startsAt.getTime(), `startsAt ${drop.startsAt} (local time → UTC)`);
      s.startsAt = startsAt.getTime();
      log(
        `  drop ${s.dropId} starts at ${drop.startsAt} (${((s.startsAt - Date.now()) / 1000).toFixed(1)} s from now)`,
      );

      // The creator keeps the live view open during the sale.
      await liveViewLink.click();
      await settled(page);
      await page.getByText('Starts in').waitFor();
      await shot(page, 'live-view-before-start');
    }),
  );

  test('2. a follower follows the creator, sees the drop go live without reloading, buys and pays', TEST, () =>
    scenario('2-follower-buys', async () => {
      assert.ok(s.dropId, 'needs the drop of scenario 1');
      const shot = screenshots('2-follower-buys');
      // Meanwhile the second buyer (not a follower) opens the home page: the drop is coming up.
      const buyerPage = s.buyerActor.page;
      await s.buyerActor.goto('/');
      await buyerPage
        .locator('section[aria-labelledby=upcoming-heading]')
        .getByRole('link', { name: s.title })
        .waitFor();
      await markDocument(buyerPage);

      const actor = s.followerActor;
      const { page } = actor;

      await actor.goto(`/creators/${encodeURIComponent(s.creator.id)}`);
      await page.getByRole('heading', { level: 1, name: s.creator.displayName }).waitFor();
      await shot(page, 'creator-page');
      await page.getByRole('button', { name: 'Follow', exact: true }).click();
      await page.getByRole('button', { name: 'Unfollow' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Unfollow' }).getAttribute('aria-pressed'), 'true');
      await page.getByTestId('follower-count').filter({ hasText: '1 follower' }).waitFor();
      await shot(page, 'following');

      // From the creator's "Coming up" list to the drop page, before the start.
      await page.locator('section[aria-labelledby=creator-upcoming]').getByRole('link', { name: s.title }).click();
      await page.getByRole('heading', { level: 1, name: s.title }).waitFor();
      await page.getByTestId('countdown').filter({ hasText: 'Starts in' }).waitFor();
      assert.ok(
        Date.now() < s.startsAt,
        `the drop started before the follower's page showed it: raise LIVEDROP_BROWSER_LEAD (${LEAD_S} s)`,
      );
      assert.equal(
        await page.getByRole('button', { name: 'Buy now' }).isDisabled(),
        true,
        'no buying before the start',
      );
      await page.getByText('This drop has not started yet.').waitFor();
      await markDocument(page);
      await shot(page, 'drop-upcoming');

      // The drop goes live: the page changes by itself (polling around the start + the realtime frame).
      const liveToast = page.getByTestId('toast').filter({ hasText: `${s.title} is live` });
      const liveToastSeen = liveToast.waitFor({ timeout: T.live });
      await waitInPage(page, buyable, undefined, T.live);
      log(`  live on the follower's page ${((Date.now() - s.startsAt) / 1000).toFixed(1)} s after startsAt`);
      await assertNotReloaded(page);
      assert.match(await page.getByTestId('stock-bar').innerText(), /of 2 left/);
      await liveToastSeen;
      await shot(page, 'drop-live');

      await buyAndPay(actor, shot, 'buy');
      await assertNotReloaded(page);

      await page.getByRole('link', { name: 'See my orders' }).click();
      await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
      const row = page.getByTestId('order-row').filter({ hasText: s.title });
      await row
        .getByTestId('order-status')
        .filter({ hasText: /confirmed/i })
        .waitFor();
      await shot(page, 'orders');

      await page.getByRole('link', { name: 'Drops', exact: true }).click();
      await page
        .locator('section[aria-labelledby=followed-heading]')
        .getByRole('link', { name: s.title })
        .waitFor({ timeout: T.live });
      await shot(page, 'home-followed-live');
    }),
  );

  test('3. a second buyer sees the drop appear on the home page, then sold out', TEST, () =>
    scenario('3-sold-out', async () => {
      assert.ok(s.dropId, 'needs the drop of scenario 1');
      const shot = screenshots('3-sold-out');
      const actor = s.buyerActor;
      const { page } = actor;

      // The home page opened before the start moves the drop from "Coming up" to "Live now" by itself.
      const card = page.locator('section[aria-labelledby=live-heading]').getByRole('link', { name: s.title });
      await card.waitFor({ timeout: T.live });
      await page
        .locator('section[aria-labelledby=upcoming-heading]')
        .getByRole('link', { name: s.title })
        .waitFor({ state: 'detached', timeout: 15_000 * SLOW });
      await assertNotReloaded(page);
      await shot(page, 'home-live-without-reload', { fullPage: true });

      await card.click();
      await page.getByRole('heading', { level: 1, name: s.title }).waitFor();
      await waitInPage(page, buyable, undefined, T.live);
      await shot(page, 'drop-one-left');

      // An anonymous visitor (no realtime stream, so no sold_out frame) watches the same drop page. Its
      // stock bar must follow the sale through the GraphQL subscription alone: no reload, and no REST
      // re-read of the drop (polling is off while the subscription delivers).
      const watcher = await Actor.open(browser, 'watcher');
      const updates = recordDropUpdates(watcher.page);
      await watcher.goto(`/drops/${encodeURIComponent(s.dropId)}`);
      await watcher.page.getByTestId('stock-bar').filter({ hasText: '1 of 2 left' }).waitFor({ timeout: T.live });
      await api.eventually(
        "the watcher's subscription to deliver the drop",
        () => updates.filter((u) => u.id === s.dropId),
        (mine) => mine.length > 0,
        { timeoutMs: T.action, everyMs: 100 },
      );
      assert.deepEqual(
        (({ status, available, soldOut }) => ({ status, available, soldOut }))(updates.find((u) => u.id === s.dropId)),
        { status: 'LIVE', available: 1, soldOut: false },
        'the first message is the drop as it is',
      );
      await markDocument(watcher.page);
      const watcherReads = recordDropReads(watcher.page, s.dropId);
      await shot(watcher.page, 'watcher-one-left');

      // Another buyer takes the last unit through the API; then the second buyer clicks "Buy now".
      const orderedAt = Date.now();
      const rivalOrder = await api.placeOrder(s.buyer3, s.dropId);
      const clicked = await page.evaluate(() => {
        const b = document.querySelector('[data-testid=buy-now]');
        if (!b || b.disabled) return false;
        b.click();
        return true;
      });
      if (clicked) {
        const error = page.getByTestId('buy-error');
        await error.waitFor();
        assert.equal(await error.getAttribute('data-code'), 'SOLD_OUT');
        assert.match(await error.innerText(), /Sold out — there is not enough stock left/);
        await shot(page, 'sold-out-message');
        log('  the second buyer clicked "Buy now" and got SOLD_OUT');
      } else {
        log('  the page already showed the drop sold out before the click (no SOLD_OUT message to check)');
      }
      await api.pay(s.buyer3, rivalOrder.id);

      await page.getByTestId('stock-bar').filter({ hasText: 'Sold out' }).waitFor({ timeout: T.live });
      await waitInPage(page, () => document.querySelector('[data-testid=buy-now]')?.disabled === true);
      await shot(page, 'sold-out');

      // The watcher's page went from "1 of 2 left" to "Sold out" by itself, over the subscription.
      await watcher.page.getByTestId('stock-bar').filter({ hasText: 'Sold out' }).waitFor({ timeout: T.action });
      watcherReads.stop();
      await assertNotReloaded(watcher.page);
      const sellOut = updates.find((u) => u.id === s.dropId && (u.soldOut || u.available === 0));
      assert.ok(sellOut, `no dropUpdates message with the sell-out: ${JSON.stringify(updates)}`);
      assert.equal(
        watcherReads.reads.length,
        0,
        "the watcher's page re-read the drop over REST: the change must come from the subscription",
      );
      log(
        `  the watcher's page heard of the sell-out ${((sellOut.at - orderedAt) / 1000).toFixed(1)} s after the order`,
      );
      await shot(watcher.page, 'watcher-sold-out-live');
      await watcher.close();

      // The creator's live view, open since before the start, shows the sell-out.
      const creatorPage = s.creatorActor.page;
      await creatorPage.getByTestId('stat-available').filter({ hasText: /^0$/ }).waitFor({ timeout: T.live });
      await creatorPage.getByTestId('stock-bar').filter({ hasText: 'Sold out' }).waitFor({ timeout: T.live });
      await shot(creatorPage, 'creator-live-view-sold-out');
    }),
  );

  test('4. a shopper joins a waiting room before the start, is admitted after it and buys', TEST, () =>
    scenario('4-waiting-room', async () => {
      assert.ok(s.productId, 'needs the product of scenario 1');
      const shot = screenshots('4-waiting-room');
      const actor = await Actor.open(browser, 'shopper');
      const { page } = actor;
      await signInInUi(actor, s.shopper);

      await api.login(s.creator);
      const startsAt = new Date(Math.ceil((Date.now() + ROOM_LEAD_S * 1000) / 1000) * 1000);
      const drop = await api.createDrop(s.creator, {
        productId: s.productId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
        initialStock: 5,
        perUserLimit: 1,
        waitingRoom: true,
      });
      s.roomDropId = drop.id;
      log(`  waiting-room drop ${drop.id} starts at ${drop.startsAt}`);

      await actor.goto(`/drops/${encodeURIComponent(drop.id)}`);
      const room = page.getByTestId('waiting-room');
      await room.waitFor();
      await room.getByRole('button', { name: 'Join the waiting room' }).waitFor();
      await shot(page, 'room-open');
      await room.getByRole('button', { name: 'Join the waiting room' }).click();
      await room.getByText("You're in line.").waitFor();
      assert.ok(
        Date.now() < startsAt.getTime(),
        `joined after the start: raise LIVEDROP_BROWSER_ROOM_LEAD (${ROOM_LEAD_S} s)`,
      );
      await room.getByTestId('countdown').filter({ hasText: 'Drop starts in' }).waitFor();
      await markDocument(page);
      await shot(page, 'in-line');

      const turnToast = page.getByTestId('toast').filter({ hasText: "It's your turn" });
      const turnToastSeen = turnToast.waitFor({ timeout: T.live });
      await page.getByTestId('queue-admitted').waitFor({ timeout: T.live });
      assert.ok(Date.now() >= startsAt.getTime() - 1000, 'admitted only from the start');
      log(`  admitted ${((Date.now() - startsAt.getTime()) / 1000).toFixed(1)} s after startsAt`);
      await waitInPage(page, buyable, undefined, T.live);
      await assertNotReloaded(page);
      await turnToastSeen;
      await shot(page, 'admitted');

      await buyAndPay(actor, shot, 'buy');
      await assertNotReloaded(page);
    }),
  );

  test('5. axe-core finds no serious or critical violations on the main pages', TEST, () =>
    scenario('5-accessibility', async () => {
      assert.ok(s.dropId && s.creator?.id, 'needs the drop and creator of scenario 1');
      const shot = screenshots('5-accessibility');
      const anonymous = await Actor.open(browser, 'anonymous');
      const pages = [
        [anonymous, 'home-anonymous', '/'],
        [anonymous, 'login', '/login'],
        [anonymous, 'register', '/register'],
        [anonymous, 'drop-anonymous', `/drops/${encodeURIComponent(s.dropId)}`],
        [anonymous, 'creator-anonymous', `/creators/${encodeURIComponent(s.creator.id)}`],
        [s.followerActor, 'home', '/'],
        [s.followerActor, 'drop', `/drops/${encodeURIComponent(s.dropId)}`],
        [s.followerActor, 'drop-waiting-room', `/drops/${encodeURIComponent(s.roomDropId ?? s.dropId)}`],
        [s.followerActor, 'creator', `/creators/${encodeURIComponent(s.creator.id)}`],
        [s.followerActor, 'orders', '/orders'],
        [s.followerActor, 'inbox', '/inbox'],
        [s.creatorActor, 'console', '/console'],
        [s.creatorActor, 'console-live-view', `/console/drops/${encodeURIComponent(s.dropId)}`],
      ];
      const report = [];
      for (const [actor, name, path] of pages) {
        await actor.goto(path);
        if (name === 'home') await sameLeftEdge(actor.page);
        if (name === 'console') await actor.page.getByText(/· 1 follower ·/).waitFor(); // the follower of scenario 2
        const { serious, minor } = await axeViolations(actor.page);
        await shot(actor.page, name);
        log(
          `  axe ${name} (${path}): ${serious.length} serious/critical violation(s)` +
            (minor.length ? `; moderate/minor: ${minor.join(', ')}` : ''),
        );
        for (const v of serious)
          report.push(`${name} ${path}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.nodes.join('\n    ')}`);
      }
      assert.equal(report.length, 0, `axe-core violations:\n${report.join('\n')}`);
    }),
  );

  test('6. a phone-sized screen shows the home and drop pages without sideways scrolling', TEST, () =>
    scenario('6-phone', async () => {
      assert.ok(s.productId, 'needs the product of scenario 1');
      const shot = screenshots('6-phone');
      // A drop that is live right away, with stock to show.
      await api.login(s.creator);
      const startsAt = new Date(Date.now() + 2000);
      const drop = await api.createDrop(s.creator, {
        productId: s.productId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
        initialStock: 25,
        lowStockThreshold: 5,
        perUserLimit: 2,
      });
      const actor = await Actor.open(browser, 'phone', PHONE);
      const { page } = actor;
      await signInInUi(actor, s.buyer2);
      const noSideways = async (what) => {
        const { scroll, width } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: window.innerWidth,
        }));
        assert.ok(scroll <= width, `${what}: the page is ${scroll}px wide on a ${width}px screen`);
      };

      const card = page
        .locator('section[aria-labelledby=live-heading]')
        .getByTestId('drop-card')
        .filter({
          has: page.getByRole('link', { name: s.title }),
        });
      await api.eventually(
        'the phone drop to be live',
        () => api.getDrop(drop.id),
        (d) => d.status === 'live',
        {
          timeoutMs: T.live,
        },
      );
      await actor.goto('/');
      await card.first().waitFor({ timeout: T.live });
      await noSideways('home');
      await shot(page, 'home');

      await actor.goto(`/drops/${encodeURIComponent(drop.id)}`);
      await waitInPage(page, buyable, undefined, T.live);
      await noSideways('drop page');
      await shot(page, 'drop');
      await shot(page, 'drop-full-page', { fullPage: true });
    }),
  );

  test('no uncaught errors in any page', () => {
    const errors = Actor.all.flatMap((a) => a.pageErrors.map((e) => `${a.name}: ${e}`));
    assert.deepEqual(errors, []);
  });
});
