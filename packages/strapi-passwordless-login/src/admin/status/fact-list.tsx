import type { ReactNode } from 'react';
import { Box, Grid, GridItem, Typography } from '@strapi/design-system';

export interface Fact {
  label: string;
  value: ReactNode;
}

/**
 * Label and value pairs as a real <dl> (a <div> per pair is valid HTML), so a screen
 * reader announces which is which; two columns on wide screens.
 */
export function FactList({ facts }: { facts: Fact[] }): JSX.Element {
  return (
    <Grid as="dl" gap={5} margin={0}>
      {facts.map((fact) => (
        <GridItem key={fact.label} as="div" col={6} s={12}>
          <Typography as="dt" variant="sigma" textColor="neutral600">
            {fact.label}
          </Typography>
          <Box as="dd" margin={0} paddingTop={1}>
            {typeof fact.value === 'string' ? <Typography>{fact.value}</Typography> : fact.value}
          </Box>
        </GridItem>
      ))}
    </Grid>
  );
}
