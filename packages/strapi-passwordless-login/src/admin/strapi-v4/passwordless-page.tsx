import { useMemo } from 'react';
import { Button, ContentLayout, HeaderLayout, Main, Tab, TabGroup, TabPanel as DsTabPanel, TabPanels, Tabs } from '@strapi/design-system';
import {
  CheckPagePermissions,
  LoadingIndicatorPage,
  SettingsPageTitle,
  useFetchClient,
  useFocusWhenNavigate,
  useNotification,
  useRBAC,
} from '@strapi/helper-plugin';
import { Check } from '@strapi/icons';

import { AdminApiProvider, type AdminApi } from '../api/client';
import { KitProvider } from '../kit/kit-context';
import { TabPanel } from '../pages/tab-panel';
import { rightsOf, usePageState } from '../pages/use-page-state';
import { PERMISSIONS, RBAC_CHECKS } from '../permissions';
import { strapi4Kit } from './kit';

/**
 * Strapi 4's page: helper-plugin's layout, design-system 1's index-based tabs, the save
 * button in the header as on users-permissions' own settings pages. What it shows and
 * does is pages/use-page-state, shared with the Strapi 5 page.
 */
function PasswordlessPage(): JSX.Element {
  useFocusWhenNavigate();
  const rbac = useRBAC(RBAC_CHECKS);
  const state = usePageState(rightsOf(rbac));
  const isLoading = rbac.isLoading;
  const { t, tabs, current, editor } = state;

  return (
    <Main aria-busy={isLoading || Boolean(editor?.saving)}>
      <SettingsPageTitle name={t('page.title')} />
      <HeaderLayout
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
      <ContentLayout>
        {isLoading ? <LoadingIndicatorPage /> : null}
        <TabGroup
          label={t('tabs.label')}
          id="passwordless-tabs"
          variant="simple"
          selectedTabIndex={current ? tabs.indexOf(current) : 0}
          onTabChange={(index: number) => state.select(tabs[index])}
        >
          <Tabs>
            {tabs.map((tab) => (
              <Tab key={tab}>{t(`tabs.${tab}`)}</Tab>
            ))}
          </Tabs>
          <TabPanels>
            {tabs.map((tab) => (
              <DsTabPanel key={tab}>
                <TabPanel tab={tab} state={state} />
              </DsTabPanel>
            ))}
          </TabPanels>
        </TabGroup>
      </ContentLayout>
    </Main>
  );
}

/** helper-plugin's client and notifications, handed to the shared hooks (api/client). */
function WithAdminApi({ children }: { children: JSX.Element }): JSX.Element {
  const client = useFetchClient();
  const toggleNotification = useNotification();
  const api = useMemo<AdminApi>(
    () => ({ client, notify: ({ type, message }) => toggleNotification({ type: type === 'error' ? 'warning' : 'success', message }) }),
    [client, toggleNotification],
  );
  return <AdminApiProvider api={api}>{children}</AdminApiProvider>;
}

/** The settings route's component: users without either read permission get the admin's "no permission" page. */
export default function ProtectedPasswordlessPage(): JSX.Element {
  return (
    <CheckPagePermissions permissions={PERMISSIONS.openPage}>
      <KitProvider kit={strapi4Kit}>
        <WithAdminApi>
          <PasswordlessPage />
        </WithAdminApi>
      </KitProvider>
    </CheckPagePermissions>
  );
}
