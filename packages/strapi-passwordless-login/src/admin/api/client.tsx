/**
 * The admin's authenticated fetch client and its notifications, as each major's page
 * hands them to the shared hooks and panels: helper-plugin's useFetchClient (axios) and
 * useNotification on Strapi 4, @strapi/strapi/admin's (fetch) on Strapi 5. Both answer
 * `{ data }` and throw with Strapi's error body under `response.data` (api/errors).
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface AdminClient {
  get<T>(path: string): Promise<{ data: T }>;
  put<T>(path: string, body: unknown): Promise<{ data: T }>;
  post<T>(path: string, body: unknown): Promise<{ data: T }>;
}

/** A toast in the admin's own notification area. */
export type Notify = (notification: { type: 'success' | 'error'; message: string }) => void;

export interface AdminApi {
  client: AdminClient;
  notify: Notify;
}

const ApiContext = createContext<AdminApi | null>(null);

export function AdminApiProvider({ api, children }: { api: AdminApi; children: ReactNode }): JSX.Element {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useAdminApi(): AdminApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('strapi-passwordless-login: a panel was rendered outside AdminApiProvider');
  return api;
}
