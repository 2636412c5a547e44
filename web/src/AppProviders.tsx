import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProvider, type Api } from './api/context';
import { isProblem } from './api/problem';
import { AuthProvider } from './auth/AuthContext';
import { ToastProvider } from './components/Toasts';
import { RealtimeProvider, type RealtimeFactory } from './realtime/RealtimeContext';
import { RealtimeSync } from './realtime/RealtimeSync';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2000,
        refetchOnWindowFocus: true,
        // 4xx answers will not change by asking again; overload and network errors may.
        retry: (failureCount, error) => {
          if (isProblem(error) && error.status >= 400 && error.status < 500 && error.status !== 429) return false;
          return failureCount < 2;
        },
        retryDelay: (attempt, error) =>
          isProblem(error) && error.retryAfterSeconds !== undefined
            ? error.retryAfterSeconds * 1000
            : Math.min(1000 * 2 ** attempt, 8000),
      },
      mutations: { retry: false },
    },
  });
}

interface AppProvidersProps {
  api: Api;
  queryClient: QueryClient;
  realtimeFactory?: RealtimeFactory;
  children: ReactNode;
}

/** Everything the pages need around them: API, cache, session, toasts, realtime. */
export function AppProviders({ api, queryClient, realtimeFactory, children }: AppProvidersProps) {
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <AuthProvider>
            <RealtimeProvider factory={realtimeFactory}>
              <RealtimeSync />
              {children}
            </RealtimeProvider>
          </AuthProvider>
        </ToastProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
