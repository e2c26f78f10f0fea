import { createContext, useContext, type ReactNode } from 'react';

import type { AdminKit } from './kit';

const KitContext = createContext<AdminKit | null>(null);

/** Given by each major's page around the shared panels. */
export function KitProvider({ kit, children }: { kit: AdminKit; children: ReactNode }): JSX.Element {
  return <KitContext.Provider value={kit}>{children}</KitContext.Provider>;
}

export function useKit(): AdminKit {
  const kit = useContext(KitContext);
  // A programmer's mistake (a panel rendered outside a page), said at once rather than as an undefined component.
  if (!kit) throw new Error('strapi-passwordless-login: a panel was rendered outside KitProvider');
  return kit;
}
