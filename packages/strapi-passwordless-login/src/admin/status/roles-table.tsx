import { Badge, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

import type { StatusResponse } from '../../shared/admin-api';
import { useKit } from '../kit/kit-context';
import type { Translate } from '../use-messages';

/** Each role links to users-permissions' role page, where the actions are granted. */
export function RolesTable({ roles, t }: { roles: StatusResponse['roles']; t: Translate }): JSX.Element {
  const { Link } = useKit();
  return (
    <Table colCount={2} rowCount={roles.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('status.roles.role')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('status.roles.actions')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {roles.map((role) => (
          <Tr key={role.id}>
            <Td>
              <Link to={`/settings/users-permissions/roles/${role.id}`}>{role.name}</Link>
            </Td>
            <Td>
              {role.actions.length > 0 ? (
                <Flex gap={1} wrap="wrap">
                  {role.actions.map((action) => (
                    <Badge key={action}>{action}</Badge>
                  ))}
                </Flex>
              ) : (
                <Typography textColor="neutral600">{t('status.roles.none')}</Typography>
              )}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
