import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppProviders, createQueryClient } from './AppProviders';
import { createApi } from './api/context';
import './styles.css';

const api = createApi();
const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders api={api} queryClient={queryClient}>
      <App />
    </AppProviders>
  </StrictMode>,
);
