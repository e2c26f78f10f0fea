import { Flex } from '@strapi/design-system';

import { Card } from '../card';
import type { StatusData } from '../hooks/use-status';
import { LoadState } from '../load-state';
import type { Translate } from '../use-messages';
import { LimitsTable } from './limits-table';
import { RolesTable } from './roles-table';
import { SetupFacts } from './setup-facts';
import { StatsChart } from './stats-chart';
import { TestEmailButton } from './test-email-button';

/** Read-only facts; nothing here is saved (limits and delivery live in config). */
export function StatusPanel({ data, canSendTest, t }: { data: StatusData; canSendTest: boolean; t: Translate }): JSX.Element {
  const status = data.status.data;
  const stats = data.stats.data;
  if (!status) return <LoadState loading={data.status.loading} error={data.status.error} t={t} />;
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Card title={t('status.setup')}>
        <SetupFacts status={status} t={t} />
        {canSendTest ? <TestEmailButton adminEmail={status.email.adminEmail} t={t} /> : null}
      </Card>
      <Card title={t('stats.title')}>
        {stats ? <StatsChart hours={stats.hours} t={t} /> : <LoadState loading={data.stats.loading} error={data.stats.error} t={t} />}
      </Card>
      <Card title={t('status.roles')} hint={t('status.roles.hint')}>
        <RolesTable roles={status.roles} t={t} />
      </Card>
      <Card title={t('status.limits')} hint={t('status.limits.hint')}>
        <LimitsTable limits={status.limits} t={t} />
      </Card>
    </Flex>
  );
}
