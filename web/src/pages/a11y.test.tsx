import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCreator, aDrop, anOrder, aTicket, USER } from '../test/fixtures';
import { fakeFetch, json, problem, type FakeFetch } from '../test/http';
import { FakeEventSource, renderApp } from '../test/render';

/**
 * axe-core over the rendered pages. jsdom has no layout, so colour contrast is not judged here
 * (axe reports it as incomplete); the browser tests will run axe on the real pages.
 */
async function expectNoSeriousViolations() {
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(report).toEqual([]);
}

function fleet(): FakeFetch {
  return fakeFetch({
    'GET /api/drops': () => json(200, { items: [aDrop(), aDrop({ id: 'd-2', status: 'upcoming' })], nextCursor: null }),
    'GET /api/drops/d-1': () => json(200, aDrop({ perUserLimit: 2 })),
    'GET /api/creators/c-1': () => json(200, aCreator()),
    [`GET /api/creators/${USER.id}`]: () => json(200, aCreator({ id: USER.id })),
    'GET /api/products': () => json(200, { items: [], nextCursor: null }),
    'GET /api/follows/check': () => json(200, { following: true, followedAt: 'x' }),
    'GET /api/orders': () =>
      json(200, { items: [anOrder(), anOrder({ id: 'o-2', status: 'confirmed' })], nextCursor: 'n' }),
  });
}

describe('accessibility (axe-core, serious and critical)', () => {
  beforeEach(() => FakeEventSource.reset());

  it('would notice a violation (the check itself works)', async () => {
    document.body.innerHTML = '<main><img src="x.png"><button></button></main>';
    const results = await axe.run(document.body, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
    document.body.innerHTML = '';
  });

  it.each([
    ['/', 'Drops'],
    ['/drops/d-1', 'Neon Hoodie'],
    ['/creators/c-1', 'Neon Studio'],
    ['/login', 'Sign in'],
    ['/register', 'Create an account'],
    ['/nowhere', 'Page not found'],
  ])('anonymous %s', async (route, heading) => {
    renderApp(fleet(), { route });
    await screen.findByRole('heading', { level: 1, name: heading });
    await expectNoSeriousViolations();
  });

  it.each([
    ['/', 'Drops'],
    ['/orders', 'My orders'],
    ['/inbox', 'Inbox'],
    ['/console', 'Creator console'],
    ['/console/drops/d-1', 'Live view: Neon Hoodie'],
  ])('signed in %s', async (route, heading) => {
    renderApp(fleet(), { route, signedIn: true });
    await screen.findByRole('heading', { level: 1, name: heading });
    await waitFor(() => expect(screen.queryByText('Loading…')).not.toBeInTheDocument());
    await expectNoSeriousViolations();
  });

  it('the buy flow: payment step and an error', async () => {
    const user = userEvent.setup();
    const http = fleet();
    http.route('POST /api/orders', [
      () => problem(429, 'RATE_LIMITED', { 'Retry-After': '1' }),
      () => json(201, anOrder()),
    ]);
    renderApp(http, { route: '/drops/d-1', signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Buy now' }));
    await screen.findByTestId('buy-error');
    await expectNoSeriousViolations();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled(), { timeout: 2500 });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Pay' });
    await expectNoSeriousViolations();
  });

  it('the waiting room', async () => {
    const http = fleet();
    http.route('GET /api/drops/d-1', () => json(200, aDrop({ waitingRoom: { enabled: true, opensAt: 'x' } })));
    http.route('GET /api/drops/d-1/queue/me', () => json(200, aTicket({ position: 12, estimatedWaitSeconds: 30 })));
    renderApp(http, { route: '/drops/d-1', signedIn: true });
    await screen.findByTestId('queue-position');
    await expectNoSeriousViolations();
  });
});
