import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useEndpoints } from '../api/context';
import { useAuth } from '../auth/AuthContext';
import { qk } from '../lib/queryKeys';
import { useRealtime } from '../realtime/RealtimeContext';
import { ToastViewport } from './Toasts';

/** Header with the main navigation, the page's main landmark, and a footer. */
export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p className="container muted">LiveDrop — limited drops from the creators you follow.</p>
      </footer>
      <ToastViewport />
    </>
  );
}

function Header() {
  const { status, user, logout } = useAuth();
  const navigate = useNavigate();
  const signedIn = status === 'signedIn';
  return (
    <header className="site-header">
      <div className="container header-inner">
        <NavLink to="/" className="brand" end>
          LiveDrop
        </NavLink>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                Drops
              </NavLink>
            </li>
            {signedIn && (
              <>
                <li>
                  <NavLink to="/orders">My orders</NavLink>
                </li>
                <li>
                  <InboxLink />
                </li>
                <li>
                  <NavLink to="/console">Creator console</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="account">
          {status === 'loading' ? null : signedIn && user ? (
            <>
              <RealtimeDot />
              <span className="account-name" title={user.email}>
                {user.name}
              </span>
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={async () => {
                  await logout();
                  navigate('/');
                }}
              >
                Sign out
              </button>
            </>
          ) : (
            <>
              <NavLink to="/login" className="button button-small button-secondary">
                Sign in
              </NavLink>
              <NavLink to="/register" className="button button-small">
                Register
              </NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

/** "Inbox" with the unread count as a badge (kept fresh by realtime frames, re-read each minute). */
function InboxLink() {
  const endpoints = useEndpoints();
  const unread = useQuery({
    queryKey: qk.unread,
    queryFn: async () => (await endpoints.notifications.list(null, 1)).unreadCount,
    refetchInterval: 60_000,
  });
  const count = unread.data ?? 0;
  return (
    <NavLink to="/inbox" data-testid="inbox-link">
      Inbox
      {count > 0 && (
        <span className="badge badge-count" data-testid="unread-count">
          <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
          <span className="visually-hidden">, {count} unread</span>
        </span>
      )}
    </NavLink>
  );
}

function RealtimeDot() {
  const { state } = useRealtime();
  const label =
    state === 'open'
      ? 'Live updates on'
      : state === 'replaced'
        ? 'Live updates paused (open in another tab)'
        : 'Connecting live updates…';
  return (
    <span className={`rt-dot rt-${state}`} title={label} role="img" aria-label={label} data-testid="realtime-status" />
  );
}
