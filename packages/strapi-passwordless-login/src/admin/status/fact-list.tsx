import type { ReactNode } from 'react';
import { Box, Typography } from '@strapi/design-system';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label and value pairs as a real <dl>, so a screen reader announces which is which. */
export function FactList({ facts }: { facts: Fact[] }): JSX.Element {
  return (
    <Box as="dl" margin={0}>
      {facts.map((fact) => (
        <Box key={fact.label} paddingBottom={3}>
          <Typography as="dt" variant="sigma" textColor="neutral600">
            {fact.label}
          </Typography>
          <Box as="dd" margin={0} paddingTop={1}>
            {typeof fact.value === 'string' ? <Typography>{fact.value}</Typography> : fact.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
