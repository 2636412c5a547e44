import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aDrop, anOrder } from '../test/fixtures';
import { fakeFetch, json, problem } from '../test/http';
import { renderApp } from '../test/render';

describe('my orders', () => {
  it('lists orders newest first with "Load more" for the next cursor page', async () => {
    const user = userEvent.setup();
    const http = fakeFetch({
      'GET /api/orders': (req) =>
        req.url.searchParams.get('cursor') === 'c2'
          ? json(200, { items: [anOrder({ id: 'o-3', status: 'expired' })], nextCursor: null })
          : json(200, {
              items: [anOrder({ id: 'o-1', status: 'confirmed' }), anOrder({ id: 'o-2', status: 'pending_payment' })],
              nextCursor: 'c2',
            }),
      'GET /api/drops/d-1': () => json(200, aDrop()),
    });
    renderApp(http, { route: '/orders', signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'My orders' })).toBeInTheDocument();
    expect(await screen.findAllByTestId('order-row')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Complete payment' })).toHaveAttribute('href', '/drops/d-1?order=o-2');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Expired')).toBeInTheDocument();
    expect(screen.getAllByTestId('order-row')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('cancels an order after a confirmation step', async () => {
    const user = userEvent.setup();
    let cancelled = false;
    const http = fakeFetch({
      'GET /api/orders': () =>
        json(200, { items: [anOrder({ status: cancelled ? 'cancelled' : 'confirmed' })], nextCursor: null }),
      'GET /api/drops/d-1': () => json(200, aDrop()),
      'PUT /api/orders/o-1/cancel': () => {
        cancelled = true;
        return json(200, anOrder({ status: 'cancelled' }));
      },
    });
    renderApp(http, { route: '/orders', signedIn: true });
    const row = await screen.findByTestId('order-row');
    await user.click(within(row).getByRole('button', { name: 'Cancel order' }));
    expect(within(row).getByText('Cancel and refund?')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Yes, cancel' }));
    expect(await within(row).findByText('Cancelled')).toBeInTheDocument();
    expect(http.sent('PUT /api/orders/o-1/cancel')).toHaveLength(1);
  });

  it('explains ORDER_NOT_CANCELLABLE', async () => {
    const user = userEvent.setup();
    const http = fakeFetch({
      'GET /api/orders': () => json(200, { items: [anOrder()], nextCursor: null }),
      'GET /api/drops/d-1': () => json(200, aDrop()),
      'PUT /api/orders/o-1/cancel': () => problem(409, 'ORDER_NOT_CANCELLABLE'),
    });
    renderApp(http, { route: '/orders', signedIn: true });
    const row = await screen.findByTestId('order-row');
    await user.click(within(row).getByRole('button', { name: 'Cancel order' }));
    await user.click(within(row).getByRole('button', { name: 'Yes, cancel' }));
    expect(await within(row).findByRole('alert')).toHaveTextContent('This order can no longer be cancelled.');
  });

  it('sends anonymous visitors to sign in first', async () => {
    const { router } = renderApp(fakeFetch(), { route: '/orders' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Forders');
  });
});
