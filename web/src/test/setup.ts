import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { disposeLiveClient } from '../realtime/graphqlWs';
import { FakeGraphQLClient } from './graphqlWs';

// No WebSocket leaves a unit test: graphql-ws is the fake in ./graphqlWs (offline unless a test says otherwise).
vi.mock('graphql-ws', () => import('./graphqlWs'));

afterEach(() => {
  cleanup();
  disposeLiveClient();
  FakeGraphQLClient.reset();
  localStorage.clear();
  sessionStorage.clear();
});
