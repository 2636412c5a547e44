import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { USER } from '../test/fixtures';
import { fakeFetch, json, noContent, problem } from '../test/http';
import { renderApp } from '../test/render';

const session = { user: USER, accessToken: 'a-1', refreshToken: 'r-1', tokenType: 'Bearer', expiresIn: 900 };

function shopRoutes() {
  return fakeFetch({
    'GET /api/drops': () => json(200, { items: [], nextCursor: null }),
    'GET /api/notifications': () => json(200, { items: [], nextCursor: null, unreadCount: 0 }),
    'GET /api/realtime/token': () => json(200, { token: 'rt', expiresIn: 300 }),
  });
}

describe('sign in, register, sign out', () => {
  it('signs in and returns to the page that asked for it', async () => {
    const user = userEvent.setup();
    const http = shopRoutes();
    http.route('POST /api/auth/login', () => json(200, session));
    http.route('GET /api/orders', () => json(200, { items: [], nextCursor: null }));
    const { router } = renderApp(http, { route: '/login?next=%2Forders' });
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My orders' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orders');
    expect(http.sent('POST /api/auth/login')[0].body).toEqual({ email: 'ada@example.com', password: 'correct horse' });
    expect(http.sent('GET /api/orders')[0].headers.get('Authorization')).toBe('Bearer a-1');
    expect(screen.getByText('Ada')).toBeInTheDocument();
  });

  it('says when the email and password do not match', async () => {
    const user = userEvent.setup();
    const http = shopRoutes();
    http.route('POST /api/auth/login', () => problem(401, 'INVALID_CREDENTIALS'));
    renderApp(http, { route: '/login' });
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match an account.');
  });

  it('registers, checking the password length first and showing EMAIL_TAKEN', async () => {
    const user = userEvent.setup();
    const http = shopRoutes();
    http.route('POST /api/auth/register', [() => problem(409, 'EMAIL_TAKEN'), () => json(201, session)]);
    const { router } = renderApp(http, { route: '/register' });
    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'short');
    expect(screen.getByText('At least 8 characters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(http.sent('POST /api/auth/register')).toHaveLength(0);

    await user.type(screen.getByLabelText('Password'), 'enough-now');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('An account with that email already exists.');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(http.sent('POST /api/auth/register')[1].body).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'shortenough-now',
    });
  });

  it('restores the session from the stored refresh token and signs out', async () => {
    const user = userEvent.setup();
    const http = shopRoutes();
    http.route('POST /api/auth/logout', () => noContent());
    const { api } = renderApp(http, { route: '/', signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(http.sent('POST /api/auth/logout')[0].body).toEqual({ refreshToken: 'refresh-2' });
    expect(api.client.tokens.refreshToken).toBeNull();
    expect(screen.queryByRole('link', { name: 'My orders' })).not.toBeInTheDocument();
  });

  it('signs out and says why when a refresh is refused', async () => {
    const user = userEvent.setup();
    const http = shopRoutes();
    const { router } = renderApp(http, { route: '/', signedIn: true });
    await screen.findByRole('button', { name: 'Sign out' });
    http.route('GET /api/orders', () => problem(401, 'UNAUTHENTICATED'));
    http.route('POST /api/auth/refresh', () => problem(401, 'REFRESH_TOKEN_REUSED'));
    await user.click(screen.getByRole('link', { name: 'My orders' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('Your session has ended. Please sign in again.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Forders');
  });
});
