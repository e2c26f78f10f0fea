import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

import type { StatusResponse } from '../../shared/admin-api';
import type { Translate } from '../use-messages';

/** Read-only: limits are operational settings that belong in config and version control. */
export function LimitsTable({ limits, t }: { limits: StatusResponse['limits']; t: Translate }): JSX.Element {
  return (
    <Table colCount={3} rowCount={limits.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('status.limits.key')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('status.limits.value')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('status.limits.source')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {limits.map((limit) => (
          <Tr key={limit.key}>
            <Td>
              <Typography fontWeight="semiBold">{limit.key}</Typography>
            </Td>
            <Td>
              <Typography>{limit.value}</Typography>
            </Td>
            <Td>
              <Typography textColor={limit.source === 'config' ? 'neutral800' : 'neutral600'}>
                {t(limit.source === 'config' ? 'status.limits.source.config' : 'status.limits.source.default')}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
