import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Product } from '../api/types';
import { aCreator, aDrop, USER } from '../test/fixtures';
import { fakeFetch, json, problem } from '../test/http';
import { renderApp } from '../test/render';

const me = aCreator({ id: USER.id, handle: 'ada', displayName: 'Ada', followerCount: 3 });

function product(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p-1',
    creatorId: USER.id,
    title: 'Neon Hoodie',
    description: 'Warm',
    priceCents: 4900,
    currency: 'EUR',
    imageUrl: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

function creatorRoutes(products: Product[] = [product()]) {
  return fakeFetch({
    [`GET /api/creators/${USER.id}`]: () => json(200, me),
    'GET /api/products': () => json(200, { items: products, nextCursor: null }),
    'GET /api/drops': () => json(200, { items: [], nextCursor: null }),
  });
}

describe('creator console', () => {
  it('lets a shopper become a creator', async () => {
    const user = userEvent.setup();
    const http = creatorRoutes();
    http.route(`GET /api/creators/${USER.id}`, () => problem(404, 'CREATOR_NOT_FOUND'));
    http.route('POST /api/creators', [() => problem(409, 'HANDLE_TAKEN'), () => json(201, me)]);
    renderApp(http, { route: '/console', signedIn: true });
    await user.type(await screen.findByLabelText('Handle'), 'ada');
    expect(screen.getByLabelText('Display name')).toHaveValue('Ada');
    await user.click(screen.getByRole('button', { name: 'Become a creator' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That handle is taken');
    await user.click(screen.getByRole('button', { name: 'Become a creator' }));
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(http.sent('POST /api/creators')[1].body).toEqual({ handle: 'ada', displayName: 'Ada' });
  });

  it('edits the profile', async () => {
    const user = userEvent.setup();
    const http = creatorRoutes();
    http.route('PATCH /api/creators/me', (req) => json(200, { ...me, ...(req.body as object) }));
    renderApp(http, { route: '/console', signedIn: true });
    const bio = await screen.findByLabelText('Bio');
    await user.clear(bio);
    await user.type(bio, 'New drops every Friday');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(http.sent('PATCH /api/creators/me')[0].body).toMatchObject({ bio: 'New drops every Friday' });
  });

  it('adds a product and uploads its image through the presigned URL', async () => {
    const user = userEvent.setup();
    const http = creatorRoutes([]);
    http.route('POST /api/products', () => json(201, product({ id: 'p-9' })));
    http.route('POST /api/products/p-9/image-upload', () =>
      json(200, {
        uploadUrl: 'http://localhost:9000/livedrop-images/p-9.png?X-Amz-Signature=abc',
        imageUrl: 'http://localhost:9000/livedrop-images/p-9.png',
        expiresAt: 'x',
        contentType: 'image/png',
      }),
    );
    http.route('PUT /livedrop-images/p-9.png', () => new Response(null, { status: 200 }));
    http.route('PATCH /api/products/p-9', () =>
      json(200, product({ id: 'p-9', imageUrl: 'http://localhost:9000/livedrop-images/p-9.png' })),
    );
    renderApp(http, { route: '/console', signedIn: true });
    const form = (await screen.findByRole('heading', { name: 'Add a product' })).closest('form')!;
    await user.type(within(form).getByLabelText('Title'), 'Neon Cap');
    await user.type(within(form).getByLabelText('Price'), '19.99');
    await user.selectOptions(within(form).getByLabelText('Currency'), 'USD');
    const file = new File(['png'], 'cap.png', { type: 'image/png' });
    await user.upload(within(form).getByLabelText('Image (optional)'), file);
    await user.click(within(form).getByRole('button', { name: 'Add product' }));
    expect(await screen.findByText('Product added.')).toBeInTheDocument();

    expect(http.sent('POST /api/products')[0].body).toEqual({
      title: 'Neon Cap',
      description: '',
      priceCents: 1999,
      currency: 'USD',
    });
    expect(http.sent('POST /api/products/p-9/image-upload')[0].body).toEqual({ contentType: 'image/png' });
    const put = http.sent('PUT /livedrop-images/p-9.png')[0];
    expect(put.headers.get('Content-Type')).toBe('image/png');
    expect(put.headers.get('Authorization')).toBeNull();
    expect(http.sent('PATCH /api/products/p-9')[0].body).toEqual({
      imageUrl: 'http://localhost:9000/livedrop-images/p-9.png',
    });
  });

  it('schedules a drop with stock, limit and the waiting room', async () => {
    const user = userEvent.setup();
    const http = creatorRoutes();
    http.route('POST /api/drops', () => json(201, aDrop({ id: 'd-9', status: 'upcoming' })));
    renderApp(http, { route: '/console', signedIn: true });
    const section = (await screen.findByRole('heading', { name: 'Schedule a drop' })).closest('section')!;
    await waitFor(() => expect(within(section).getByRole('option', { name: 'Neon Hoodie' })).toBeInTheDocument());
    await user.selectOptions(within(section).getByLabelText('Product'), 'p-1');
    const stock = within(section).getByLabelText('Stock');
    await user.clear(stock);
    await user.type(stock, '500');
    const limit = within(section).getByLabelText('Limit per customer');
    await user.clear(limit);
    await user.type(limit, '2');
    await user.click(within(section).getByLabelText('Use a waiting room'));
    await user.click(within(section).getByRole('button', { name: 'Schedule drop' }));
    expect(await within(section).findByRole('link', { name: 'Open its live view' })).toHaveAttribute(
      'href',
      '/console/drops/d-9',
    );
    const body = http.sent('POST /api/drops')[0].body as Record<string, unknown>;
    expect(body).toMatchObject({ productId: 'p-1', initialStock: 500, perUserLimit: 2, waitingRoom: true });
    expect(Date.parse(body.startsAt as string)).toBeLessThan(Date.parse(body.endsAt as string));
  });

  it('shows a drop live: stock left, estimated orders per second and when it sold out', async () => {
    const http = fakeFetch();
    const base = aDrop({ creatorId: USER.id, initialStock: 100 });
    http.route('GET /api/drops/d-1', [
      () => json(200, { ...base, available: 60 }),
      () => json(200, { ...base, available: 30 }),
      () => json(200, { ...base, available: 0, soldOut: true }),
    ]);
    renderApp(http, { route: '/console/drops/d-1', signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Live view: Neon Hoodie' })).toBeInTheDocument();
    expect(screen.getByTestId('stat-available')).toHaveTextContent('60');
    expect(screen.getByTestId('stat-rate')).toHaveTextContent('—');
    await waitFor(() => expect(screen.getByTestId('stat-available')).toHaveTextContent('30'), { timeout: 2500 });
    expect(Number(screen.getByTestId('stat-rate').textContent)).toBeGreaterThan(10);
    await waitFor(() => expect(screen.getByTestId('stat-sold-out')).not.toHaveTextContent('Not sold out'), {
      timeout: 2500,
    });
    expect(screen.getByText('Sold out', { selector: '.stock-text' })).toBeInTheDocument();
  });
});
