// Strapi 5's admin kit, typed for what strapi-v5/ uses. The package compiles with the
// repository's Strapi 4 node_modules, where @strapi/strapi/admin does not exist and
// react-router-dom is version 5 without types; the Strapi 5 admin build (Vite) resolves
// the real modules in the project. Compile-time only: no emitted .d.ts refers to them.
declare module '@strapi/strapi/admin' {
  import type { ReactNode } from 'react';

  interface Permission {
    action: string;
    subject: string | null;
  }

  export function useFetchClient(): {
    get<T>(url: string): Promise<{ data: T }>;
    put<T>(url: string, body: unknown): Promise<{ data: T }>;
    post<T>(url: string, body: unknown): Promise<{ data: T }>;
  };
  export function useNotification(): {
    toggleNotification(notification: { type: 'info' | 'warning' | 'danger' | 'success'; message: string }): void;
  };
  /** `allowedActions` names each action by the last part of its action: `…email-templates.read` answers canRead. */
  export function useRBAC(checks: Permission[]): { isLoading: boolean; allowedActions: Record<string, boolean | undefined> };

  export const Page: {
    Protect(props: { permissions: Permission[]; children: ReactNode }): JSX.Element;
    Loading(props: { children?: ReactNode }): JSX.Element;
    Main(props: { children: ReactNode; 'aria-busy'?: boolean }): JSX.Element;
    Title(props: { children: string }): null;
  };
  export const Layouts: {
    Header(props: { title: string; subtitle?: ReactNode; primaryAction?: ReactNode }): JSX.Element;
    Content(props: { children: ReactNode }): JSX.Element;
  };
}

declare module 'react-router-dom' {
  import type { ComponentType, ReactNode } from 'react';

  export const NavLink: ComponentType<{ to: string; children?: ReactNode }>;
}
