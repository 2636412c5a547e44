import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aDrop } from '../test/fixtures';
import { fakeFetch, json } from '../test/http';
import { renderApp } from '../test/render';

describe('home', () => {
  it('shows live drops with their stock and upcoming drops with a countdown', async () => {
    const http = fakeFetch({
      'GET /api/drops': (req) =>
        req.url.searchParams.get('status') === 'upcoming'
          ? json(200, {
              items: [
                aDrop({
                  id: 'd-2',
                  status: 'upcoming',
                  startsAt: new Date(Date.now() + 3_600_000).toISOString(),
                  product: { id: 'p-2', title: 'Glow Cap', priceCents: 1500, currency: 'EUR', imageUrl: null },
                }),
              ],
              nextCursor: null,
            })
          : json(200, { items: [aDrop()], nextCursor: null }),
    });
    renderApp(http, { route: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Drops' })).toBeInTheDocument();
    const live = screen.getByRole('region', { name: 'Live now' });
    await waitFor(() => expect(within(live).getByRole('link', { name: 'Neon Hoodie' })).toBeInTheDocument());
    expect(within(live).getByRole('progressbar', { name: 'Stock left' })).toHaveAttribute('aria-valuenow', '40');
    expect(within(live).getByText('Live')).toBeInTheDocument();
    const upcoming = screen.getByRole('region', { name: 'Coming up' });
    await waitFor(() => expect(within(upcoming).getByRole('link', { name: 'Glow Cap' })).toBeInTheDocument());
    expect(within(upcoming).getByTestId('countdown')).toHaveTextContent(/Starts in (00:59:59|01:00:00)/);
    // anonymous: no personal feed, and the public list is asked without `followed`
    expect(screen.queryByRole('region', { name: 'From creators you follow' })).not.toBeInTheDocument();
    expect(http.sent('GET /api/drops').every((r) => !r.url.searchParams.has('followed'))).toBe(true);
  });

  it('adds drops from followed creators for signed-in shoppers', async () => {
    const http = fakeFetch({ 'GET /api/drops': () => json(200, { items: [], nextCursor: null }) });
    renderApp(http, { route: '/', signedIn: true });
    expect(await screen.findByRole('region', { name: 'From creators you follow' })).toBeInTheDocument();
    await waitFor(() =>
      expect(http.sent('GET /api/drops').some((r) => r.url.searchParams.get('followed') === 'true')).toBe(true),
    );
    const followed = http.sent('GET /api/drops').find((r) => r.url.searchParams.get('followed') === 'true')!;
    expect(followed.headers.get('Authorization')).toBe('Bearer access-1');
  });
});
