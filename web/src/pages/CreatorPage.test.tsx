import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCreator, aDrop } from '../test/fixtures';
import { fakeFetch, json, noContent, problem, type FakeFetch } from '../test/http';
import { renderApp } from '../test/render';

describe('creator page', () => {
  let http: FakeFetch;
  beforeEach(() => {
    http = fakeFetch({
      'GET /api/creators/c-1': () => json(200, aCreator()),
      'GET /api/drops': (req) =>
        json(200, {
          items: req.url.searchParams.get('status') === 'live' ? [aDrop()] : [],
          nextCursor: null,
        }),
      'GET /api/follows/check': () => json(200, { following: false, followedAt: null }),
    });
  });

  it('shows the profile, the follower count and the creator’s drops', async () => {
    renderApp(http, { route: '/creators/c-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Neon Studio' })).toBeInTheDocument();
    expect(screen.getByText('@neon')).toBeInTheDocument();
    expect(screen.getByTestId('follower-count')).toHaveTextContent('41 followers');
    expect(await screen.findByRole('link', { name: 'Neon Hoodie' })).toHaveAttribute('href', '/drops/d-1');
    const statuses = http
      .sent('GET /api/drops')
      .map((r) => `${r.url.searchParams.get('creatorId')}:${r.url.searchParams.get('status')}`);
    expect(statuses.sort()).toEqual(['c-1:ended', 'c-1:live', 'c-1:upcoming']);
  });

  it('follows and unfollows, moving the count at once', async () => {
    const user = userEvent.setup();
    http.route('POST /api/follows', () => json(201, { creatorId: 'c-1', userId: 'u-1', followedAt: 'now' }));
    http.route('DELETE /api/follows/c-1', () => noContent());
    renderApp(http, { route: '/creators/c-1', signedIn: true });
    const follow = await screen.findByRole('button', { name: 'Follow' });
    await waitFor(() => expect(follow).toBeEnabled());
    await user.click(follow);
    const unfollow = await screen.findByRole('button', { name: 'Unfollow' });
    expect(unfollow).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('follower-count')).toHaveTextContent('42 followers');
    expect(http.sent('POST /api/follows')[0].body).toEqual({ creatorId: 'c-1' });

    await user.click(unfollow);
    expect(await screen.findByRole('button', { name: 'Follow' })).toBeInTheDocument();
    expect(screen.getByTestId('follower-count')).toHaveTextContent('41 followers');
    expect(http.sent('DELETE /api/follows/c-1')).toHaveLength(1);
  });

  it('sends anonymous visitors who want to follow to sign in', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(http, { route: '/creators/c-1' });
    await user.click(await screen.findByRole('button', { name: 'Follow' }));
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fcreators%2Fc-1');
  });

  it('shows a human message for an unknown creator', async () => {
    http.route('GET /api/creators/c-1', () => problem(404, 'CREATOR_NOT_FOUND'));
    renderApp(http, { route: '/creators/c-1' });
    expect(await screen.findByRole('alert')).toHaveTextContent('This creator does not exist.');
  });
});
