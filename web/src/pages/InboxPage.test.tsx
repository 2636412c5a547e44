import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../api/types';
import { fakeFetch, json, noContent } from '../test/http';
import { FakeEventSource, renderApp } from '../test/render';

const note = (id: string, read: boolean, type = 'drop.started'): AppNotification => ({
  id,
  type,
  read,
  createdAt: '2026-01-01T00:00:00Z',
  data: { dropId: 'd-1', title: 'Neon Hoodie', available: 10 },
});

describe('inbox', () => {
  it('lists notifications, shows the unread badge, marks one and then all as read', async () => {
    const user = userEvent.setup();
    let items = [note('3', false), note('2', false, 'stock.low'), note('1', true)];
    const unread = () => items.filter((n) => !n.read).length;
    const http = fakeFetch();
    renderApp(http, { route: '/inbox', signedIn: true });
    http.route('GET /api/notifications', () => json(200, { items, nextCursor: null, unreadCount: unread() }));
    http.route('POST /api/notifications/3/read', () => {
      items = items.map((n) => (n.id === '3' ? { ...n, read: true } : n));
      return noContent();
    });
    http.route('POST /api/notifications/read-all', () => {
      items = items.map((n) => ({ ...n, read: true }));
      return noContent();
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(3));
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('2 unread');
    expect(screen.getAllByRole('link', { name: 'Neon Hoodie is live' })[0]).toHaveAttribute('href', '/drops/d-1');
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveTextContent('2'));

    await user.click(screen.getByRole('button', { name: 'Mark as read: Neon Hoodie is live' }));
    await waitFor(() => expect(screen.getByTestId('inbox-unread')).toHaveTextContent('1 unread'));
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.getByTestId('inbox-unread')).toHaveTextContent('All caught up.'));
    await waitFor(() => expect(screen.queryByTestId('unread-count')).not.toBeInTheDocument());
  });

  it('shows a toast and refreshes the badge when a notification arrives live', async () => {
    FakeEventSource.reset();
    let unread = 0;
    const http = fakeFetch();
    renderApp(http, { route: '/', signedIn: true });
    http.route('GET /api/drops', () => json(200, { items: [], nextCursor: null }));
    http.route('GET /api/notifications', () => json(200, { items: [], nextCursor: null, unreadCount: unread }));
    const es = await waitFor(() => {
      const s = FakeEventSource.latest();
      expect(s).toBeDefined();
      return s!;
    });
    es.open();
    unread = 1;
    es.frame({
      id: '9',
      type: 'stock.low',
      createdAt: 'x',
      data: {
        dropId: 'd-1',
        title: 'Neon Hoodie',
        available: 4,
        productId: 'p',
        creatorId: 'c',
        startsAt: '',
        endsAt: '',
      },
    });
    const toast = await screen.findByTestId('toast');
    expect(toast).toHaveTextContent('Almost gone: Neon Hoodie');
    expect(within(toast).getByRole('link', { name: 'View' })).toHaveAttribute('href', '/drops/d-1');
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveTextContent('1'));
  });
});
