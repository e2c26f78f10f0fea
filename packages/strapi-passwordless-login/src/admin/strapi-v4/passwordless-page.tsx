import { useEffect, useState } from 'react';
import { Box, Button, ContentLayout, HeaderLayout, Main, Tab, TabGroup, TabPanel, TabPanels, Tabs, useNotifyAT } from '@strapi/design-system';
import {
  CheckPagePermissions,
  LoadingIndicatorPage,
  SettingsPageTitle,
  useFocusWhenNavigate,
  useNotification,
  useRBAC,
} from '@strapi/helper-plugin';
import { Check } from '@strapi/icons';

import { AccessPanel } from '../access/access-panel';
import { useAccessEditor } from '../hooks/use-access-editor';
import { useStatus } from '../hooks/use-status';
import { useTemplatesEditor } from '../hooks/use-templates-editor';
import { PERMISSIONS } from '../permissions';
import { StatusPanel } from '../status/status-panel';
import { TemplatesPanel } from '../templates/templates-panel';
import { useMessages } from '../use-messages';
import type { ApiError } from '../api/errors';

type TabName = 'status' | 'templates' | 'access';

/**
 * Status, email templates and access in tabs, with the save button in the header as on
 * users-permissions' own settings pages. Each tab shows only with its read permission.
 */
function PasswordlessPage(): JSX.Element {
  const t = useMessages();
  const toggleNotification = useNotification();
  const { notifyStatus } = useNotifyAT();
  useFocusWhenNavigate();

  const { isLoading: loadingPermissions, allowedActions } = useRBAC({
    readTemplates: PERMISSIONS.readTemplates,
    updateTemplates: PERMISSIONS.updateTemplates,
    readSettings: PERMISSIONS.readSettings,
    updateSettings: PERMISSIONS.updateSettings,
  });
  const { canReadTemplates, canUpdateTemplates, canReadSettings, canUpdateSettings } = allowedActions;

  const status = useStatus({ enabled: !loadingPermissions && canReadSettings });
  const templates = useTemplatesEditor({ enabled: !loadingPermissions && canReadTemplates });
  const access = useAccessEditor({ enabled: !loadingPermissions && canReadSettings });

  const tabs: TabName[] = [
    ...(canReadSettings ? (['status'] as const) : []),
    ...(canReadTemplates ? (['templates'] as const) : []),
    ...(canReadSettings ? (['access'] as const) : []),
  ];
  // Screen readers hear when the data is in, as on users-permissions' pages.
  const firstData = status.status.data ?? templates.loaded.data;
  useEffect(() => {
    if (firstData) notifyStatus(t('page.loaded'));
  }, [firstData !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  const [selected, setSelected] = useState(0);
  useEffect(() => {
    if (selected >= tabs.length) setSelected(0);
  }, [selected, tabs.length]);
  const current = tabs[selected];

  const notifySaved = (error: ApiError | null): void => {
    toggleNotification(
      error ? { type: 'warning', message: `${t('save.error')} ${error.message}` } : { type: 'success', message: t('saved') },
    );
  };
  const editor = current === 'templates' ? templates : current === 'access' ? access : null;
  const canSave =
    editor !== null &&
    editor.dirty &&
    Boolean(editor.loaded.data?.editable) &&
    (current === 'templates' ? canUpdateTemplates : canUpdateSettings);

  return (
    <Main aria-busy={loadingPermissions || Boolean(editor?.saving)}>
      <SettingsPageTitle name={t('page.title')} />
      <HeaderLayout
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        primaryAction={
          editor ? (
            <Button
              startIcon={<Check />}
              size="S"
              loading={editor.saving}
              disabled={!canSave}
              onClick={async () => notifySaved(await editor.save())}
            >
              {t('save')}
            </Button>
          ) : undefined
        }
      />
      <ContentLayout>
        {loadingPermissions ? <LoadingIndicatorPage /> : null}
        <TabGroup label={t('tabs.label')} id="passwordless-tabs" variant="simple" selectedTabIndex={selected} onTabChange={setSelected}>
          <Tabs>
            {tabs.map((tab) => (
              <Tab key={tab}>{t(`tabs.${tab}`)}</Tab>
            ))}
          </Tabs>
          <TabPanels>
            {tabs.map((tab) => (
              <TabPanel key={tab}>
                <Box paddingTop={4}>
                  {tab === 'status' ? <StatusPanel data={status} canSendTest={canReadTemplates} t={t} /> : null}
                  {tab === 'templates' ? <TemplatesPanel editor={templates} canUpdate={canUpdateTemplates} t={t} /> : null}
                  {tab === 'access' ? <AccessPanel editor={access} canUpdate={canUpdateSettings} t={t} /> : null}
                </Box>
              </TabPanel>
            ))}
          </TabPanels>
        </TabGroup>
      </ContentLayout>
    </Main>
  );
}

/** The settings route's component: users without either read permission get the admin's "no permission" page. */
export default function ProtectedPasswordlessPage(): JSX.Element {
  return (
    <CheckPagePermissions permissions={PERMISSIONS.openPage}>
      <PasswordlessPage />
    </CheckPagePermissions>
  );
}
