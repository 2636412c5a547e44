import { useEffect, useRef, useState } from 'react';
import { createBrowserRouter, RouterProvider, useLocation, type RouteObject } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { ConsoleDropPage } from './pages/ConsoleDropPage';
import { ConsolePage } from './pages/ConsolePage';
import { CreatorPage } from './pages/CreatorPage';
import { DropPage } from './pages/DropPage';
import { HomePage } from './pages/HomePage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrdersPage } from './pages/OrdersPage';
import { RegisterPage } from './pages/RegisterPage';

/** Moves focus to the main landmark on navigation, so keyboard and screen-reader users start at the content. */
function FocusMainOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // the first page load keeps the browser's own focus
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

function Shell() {
  return (
    <>
      <FocusMainOnNavigate />
      <Layout />
    </>
  );
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'drops/:dropId', element: <DropPage /> },
      { path: 'creators/:creatorId', element: <CreatorPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      {
        path: 'orders',
        element: (
          <RequireAuth>
            <OrdersPage />
          </RequireAuth>
        ),
      },
      {
        path: 'inbox',
        element: (
          <RequireAuth>
            <InboxPage />
          </RequireAuth>
        ),
      },
      {
        path: 'console',
        element: (
          <RequireAuth>
            <ConsolePage />
          </RequireAuth>
        ),
      },
      {
        path: 'console/drops/:dropId',
        element: (
          <RequireAuth>
            <ConsoleDropPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
