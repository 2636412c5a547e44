import { createContext, useContext, type ReactNode } from 'react';
import { ApiClient } from './client';
import { createEndpoints, type Endpoints } from './endpoints';

export interface Api {
  client: ApiClient;
  endpoints: Endpoints;
}

export function createApi(client: ApiClient = new ApiClient()): Api {
  return { client, endpoints: createEndpoints(client) };
}

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** The typed endpoints, the usual way components call the API. */
export function useEndpoints(): Endpoints {
  return useApi().endpoints;
}
