import { Box } from '@strapi/design-system';

import { AccessPanel } from '../access/access-panel';
import { StatusPanel } from '../status/status-panel';
import { TemplatesPanel } from '../templates/templates-panel';
import type { PageState, TabName } from './use-page-state';

/** One tab's content; each major's page puts it in its own design system's tab panel. */
export function TabPanel({ tab, state }: { tab: TabName; state: PageState }): JSX.Element {
  const { t, rights } = state;
  return (
    <Box paddingTop={4}>
      {tab === 'status' ? <StatusPanel data={state.status} canSendTest={rights.canReadTemplates} t={t} /> : null}
      {tab === 'templates' ? <TemplatesPanel editor={state.templates} canUpdate={rights.canUpdateTemplates} t={t} /> : null}
      {tab === 'access' ? <AccessPanel editor={state.access} canUpdate={rights.canUpdateSettings} t={t} /> : null}
    </Box>
  );
}
