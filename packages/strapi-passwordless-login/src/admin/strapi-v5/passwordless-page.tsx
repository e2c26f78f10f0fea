import { useMemo, type ReactNode } from 'react';
import { Button, Tabs } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';

import { AdminApiProvider, type AdminApi } from '../api/client';
import { KitProvider } from '../kit/kit-context';
import { TabPanel } from '../pages/tab-panel';
import { usePageState, type TabName } from '../pages/use-page-state';
import { PERMISSIONS } from '../permissions';
import { strapi5Kit } from './kit';
import { useRights } from './use-rights';

/**
 * Strapi 5's page: Page and Layouts from @strapi/strapi/admin, design-system 2's tabs,
 * the save button in the header as on users-permissions' own Strapi 5 settings pages.
 * What it shows and does is pages/use-page-state, shared with the Strapi 4 page.
 */
function PasswordlessPage(): JSX.Element {
  const rights = useRights();
  const state = usePageState(rights);
  const { t, tabs, current, editor } = state;

  if (rights.loading) return <Page.Loading />;
  return (
    <Page.Main aria-busy={Boolean(editor?.saving)}>
      <Page.Title>{t('page.title')}</Page.Title>
      <Layouts.Header
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        primaryAction={
          editor ? (
            <Button startIcon={<Check />} size="S" loading={editor.saving} disabled={!state.canSave} onClick={state.save}>
              {t('save')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Tabs.Root variant="simple" value={current} onValueChange={(tab: string) => state.select(tab as TabName)}>
          <Tabs.List aria-label={t('tabs.label')}>
            {tabs.map((tab) => (
              <Tabs.Trigger key={tab} value={tab}>
                {t(`tabs.${tab}`)}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Content key={tab} value={tab}>
              <TabPanel tab={tab} state={state} />
            </Tabs.Content>
          ))}
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
}

/** The admin's own client and notifications, handed to the shared hooks (api/client). */
function WithAdminApi({ children }: { children: ReactNode }): JSX.Element {
  const client = useFetchClient();
  const { toggleNotification } = useNotification();
  const api = useMemo<AdminApi>(
    () => ({ client, notify: ({ type, message }) => toggleNotification({ type: type === 'error' ? 'danger' : 'success', message }) }),
    [client, toggleNotification],
  );
  return <AdminApiProvider api={api}>{children}</AdminApiProvider>;
}

/** The settings route's component: users without either read permission get the admin's "no permission" page. */
export default function ProtectedPasswordlessPage(): JSX.Element {
  return (
    <Page.Protect permissions={PERMISSIONS.openPage}>
      <KitProvider kit={strapi5Kit}>
        <WithAdminApi>
          <PasswordlessPage />
        </WithAdminApi>
      </KitProvider>
    </Page.Protect>
  );
}
