import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Payment } from '../../api/types';
import { aDrop, anOrder } from '../../test/fixtures';
import { fakeFetch, json, problem, type FakeFetch } from '../../test/http';
import { FakeEventSource, renderApp } from '../../test/render';

function payment(overrides: Partial<Payment> = {}): Payment {
  return {
    id: 'pay-1',
    orderId: 'o-1',
    amountCents: 4900,
    currency: 'EUR',
    status: 'succeeded',
    failureCode: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

async function openDrop(http: FakeFetch, options: { signedIn?: boolean } = { signedIn: true }) {
  renderApp(http, { route: '/drops/d-1', signedIn: options.signedIn });
  await screen.findByRole('heading', { level: 1, name: 'Neon Hoodie' });
}

const buyNow = () => screen.findByRole('button', { name: 'Buy now' });

describe('buy flow', () => {
  let http: FakeFetch;
  beforeEach(() => {
    FakeEventSource.reset();
    http = fakeFetch({ 'GET /api/drops/d-1': () => json(200, aDrop()) });
  });

  it('orders, pays with the chosen test card and turns confirmed on the order.confirmed event', async () => {
    const user = userEvent.setup();
    http.route('POST /api/orders', () => json(201, anOrder()));
    http.route('POST /api/payments', () => json(201, payment()));
    http.route('GET /api/orders/o-1', () => json(200, anOrder()));
    await openDrop(http);

    await user.click(await buyNow());
    const pay = await screen.findByRole('button', { name: 'Pay' });
    expect(screen.getByRole('radio', { name: /Visa — payment succeeds/ })).toBeChecked();
    expect(http.sent('POST /api/orders')[0].body).toEqual({ dropId: 'd-1', quantity: 1 });

    await user.click(pay);
    expect(await screen.findByTestId('order-confirming')).toHaveTextContent('confirming your order');
    const sent = http.sent('POST /api/payments')[0];
    expect(sent.body).toEqual({ orderId: 'o-1', paymentMethod: { type: 'card', token: 'tok_visa' } });
    expect(sent.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);

    http.route('GET /api/orders/o-1', () => json(200, anOrder({ status: 'confirmed' })));
    const stream = await waitFor(() => {
      const s = FakeEventSource.latest();
      expect(s).toBeDefined();
      return s!;
    });
    stream.open();
    stream.frame({
      id: '41',
      type: 'order.confirmed',
      createdAt: '2026-01-01T00:00:01Z',
      data: { orderId: 'o-1', dropId: 'd-1', quantity: 1, totalCents: 4900, currency: 'EUR' },
    });
    expect(await screen.findByTestId('order-confirmed')).toHaveTextContent('Order confirmed!');
    expect(screen.getAllByTestId('toast')[0]).toHaveTextContent('Order confirmed');
  });

  it('falls back on polling the order when no realtime frame arrives', async () => {
    const user = userEvent.setup();
    http.route('POST /api/orders', () => json(201, anOrder()));
    http.route('POST /api/payments', () => json(201, payment()));
    http.route('GET /api/orders/o-1', [() => json(200, anOrder()), () => json(200, anOrder({ status: 'confirmed' }))]);
    await openDrop(http);
    await user.click(await buyNow());
    await user.click(await screen.findByRole('button', { name: 'Pay' }));
    expect(await screen.findByTestId('order-confirmed', {}, { timeout: 4000 })).toBeInTheDocument();
  });

  it.each([
    ['SOLD_OUT', 409, {}, 'Sold out — there is not enough stock left for this order.'],
    ['PER_USER_LIMIT_EXCEEDED', 422, {}, 'You have reached the limit per customer for this drop.'],
    ['DROP_NOT_LIVE', 409, {}, 'This drop is not live right now.'],
    ['ADMISSION_REQUIRED', 403, {}, 'Your turn in the waiting room is needed to buy'],
    ['RATE_LIMITED', 429, { 'Retry-After': '7' }, 'Too many requests — slow down a little. Try again in 7 seconds.'],
    ['SERVICE_UNAVAILABLE', 503, { 'Retry-After': '9' }, 'We are very busy right now. Try again in 9 seconds.'],
  ])('explains %s', async (code, status, headers, text) => {
    const user = userEvent.setup();
    http.route('POST /api/orders', () => problem(status, code, headers));
    await openDrop(http);
    await user.click(await buyNow());
    const alert = await screen.findByTestId('buy-error');
    expect(alert).toHaveTextContent(text);
    expect(alert).toHaveAttribute('data-code', code);
  });

  it('waits out Retry-After, then retries the same attempt with the same Idempotency-Key', async () => {
    const user = userEvent.setup();
    http.route('POST /api/orders', [
      () => problem(503, 'SERVICE_UNAVAILABLE', { 'Retry-After': '1' }),
      () => json(201, anOrder()),
    ]);
    await openDrop(http);
    await user.click(await buyNow());

    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(retry).toBeDisabled();
    expect(screen.getByTestId('retry-wait')).toHaveTextContent('You can try again in 1 s');
    await waitFor(() => expect(retry).toBeEnabled(), { timeout: 2500 });
    await user.click(retry);
    await screen.findByRole('button', { name: 'Pay' });

    const [first, second] = http.sent('POST /api/orders');
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    expect(second.body).toEqual(first.body);
  });

  it('retries at once after a network error or IDEMPOTENCY_KEY_IN_USE, still with the same key', async () => {
    const user = userEvent.setup();
    http.route('POST /api/orders', [
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => problem(409, 'IDEMPOTENCY_KEY_IN_USE'),
      () => json(201, anOrder()),
    ]);
    await openDrop(http);
    await user.click(await buyNow());
    expect(await screen.findByTestId('buy-error')).toHaveTextContent('Cannot reach LiveDrop');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('buy-error')).toHaveTextContent('still being processed');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Pay' });
    const keys = new Set(http.sent('POST /api/orders').map((r) => r.headers.get('Idempotency-Key')));
    expect(keys.size).toBe(1);
  });

  it('uses a new key for a new click after a final answer', async () => {
    const user = userEvent.setup();
    http.route('POST /api/orders', [() => problem(422, 'PER_USER_LIMIT_EXCEEDED'), () => json(201, anOrder())]);
    await openDrop(http);
    await user.click(await buyNow());
    await screen.findByTestId('buy-error');
    await user.click(await buyNow());
    await screen.findByRole('button', { name: 'Pay' });
    const [a, b] = http.sent('POST /api/orders');
    expect(a.headers.get('Idempotency-Key')).not.toBe(b.headers.get('Idempotency-Key'));
  });

  it('sends the chosen quantity when the drop allows more than one', async () => {
    const user = userEvent.setup();
    http.route('GET /api/drops/d-1', () => json(200, aDrop({ perUserLimit: 3 })));
    http.route('POST /api/orders', () => json(201, anOrder({ quantity: 2, totalCents: 9800 })));
    await openDrop(http);
    await user.selectOptions(await screen.findByLabelText('Quantity'), '2');
    await user.click(await buyNow());
    await screen.findByRole('button', { name: 'Pay' });
    expect(http.sent('POST /api/orders')[0].body).toEqual({ dropId: 'd-1', quantity: 2 });
  });

  it('shows a declined card, and a new Pay with another card is a new attempt', async () => {
    const user = userEvent.setup();
    http.route('POST /api/orders', () => json(201, anOrder()));
    http.route('POST /api/payments', [
      () => json(201, payment({ status: 'failed', failureCode: 'card_declined' })),
      () => json(201, payment({ id: 'pay-2' })),
    ]);
    http.route('GET /api/orders/o-1', () => json(200, anOrder()));
    await openDrop(http);
    await user.click(await buyNow());
    await user.click(await screen.findByRole('radio', { name: /declined/ }));
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    expect(await screen.findByTestId('payment-error')).toHaveTextContent('Your card was declined');

    await user.click(screen.getByRole('radio', { name: /Visa/ }));
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await screen.findByTestId('order-confirming');
    const [declined, paid] = http.sent('POST /api/payments');
    expect((declined.body as { paymentMethod: { token: string } }).paymentMethod.token).toBe('tok_chargeDeclined');
    expect((paid.body as { paymentMethod: { token: string } }).paymentMethod.token).toBe('tok_visa');
    expect(paid.headers.get('Idempotency-Key')).not.toBe(declined.headers.get('Idempotency-Key'));
  });

  it('retries a payment whose answer was lost with the same key', async () => {
    const user = userEvent.setup();
    http.route('POST /api/orders', () => json(201, anOrder()));
    http.route('POST /api/payments', [
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(201, payment()),
    ]);
    http.route('GET /api/orders/o-1', () => json(200, anOrder()));
    await openDrop(http);
    await user.click(await buyNow());
    await user.click(await screen.findByRole('button', { name: 'Pay' }));
    expect(await screen.findByTestId('payment-error')).toHaveTextContent('Cannot reach LiveDrop');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('order-confirming');
    const [a, b] = http.sent('POST /api/payments');
    expect(b.headers.get('Idempotency-Key')).toBe(a.headers.get('Idempotency-Key'));
    expect(b.body).toEqual(a.body);
  });

  it('lets the buyer release the hold', async () => {
    const user = userEvent.setup();
    http.route('POST /api/orders', () => json(201, anOrder()));
    http.route('GET /api/orders/o-1', () => json(200, anOrder()));
    http.route('PUT /api/orders/o-1/cancel', () => json(200, anOrder({ status: 'cancelled' })));
    await openDrop(http);
    await user.click(await buyNow());
    const panel = await screen.findByTestId('payment-step');
    await user.click(within(panel).getByRole('button', { name: 'Cancel order' }));
    expect(await screen.findByTestId('order-closed')).toHaveTextContent('Your order was cancelled.');
  });

  it('asks anonymous visitors to sign in, and offers no Buy now when the drop is sold out', async () => {
    await openDrop(http, { signedIn: false });
    expect(await screen.findByRole('link', { name: 'Sign in to buy' })).toHaveAttribute(
      'href',
      '/login?next=%2Fdrops%2Fd-1',
    );
    expect(screen.queryByRole('button', { name: 'Buy now' })).not.toBeInTheDocument();
  });

  it('disables Buy now for a sold-out drop', async () => {
    http.route('GET /api/drops/d-1', () => json(200, aDrop({ available: 0, soldOut: true })));
    await openDrop(http);
    expect(await buyNow()).toBeDisabled();
    expect(screen.getAllByText('Sold out').length).toBeGreaterThan(0);
  });
});
