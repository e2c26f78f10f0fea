import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

import { useKit } from './kit/kit-context';

/** The white box users-permissions' settings pages put each group of fields in. */
export function Card({ title, hint, children }: { title: string; hint?: string; children: ReactNode }): JSX.Element {
  const { tag } = useKit();
  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" paddingTop={6} paddingBottom={6} paddingLeft={7} paddingRight={7}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="delta" {...tag('h2')}>
            {title}
          </Typography>
          {hint ? (
            <Typography variant="pi" textColor="neutral600">
              {hint}
            </Typography>
          ) : null}
        </Flex>
        {children}
      </Flex>
    </Box>
  );
}
