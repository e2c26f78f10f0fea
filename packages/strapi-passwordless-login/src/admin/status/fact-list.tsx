import { Box, Typography } from '@strapi/design-system';

import { useKit } from '../kit/kit-context';
import type { Fact } from './fact';

export type { Fact };

/**
 * Label and value pairs as a real <dl> (a <div> per pair is valid HTML), so a screen
 * reader announces which is which; two columns on wide screens.
 */
export function FactList({ facts }: { facts: Fact[] }): JSX.Element {
  const { tag, Grid, GridItem } = useKit();
  return (
    <Grid element="dl" gap={5}>
      {facts.map((fact) => (
        <GridItem key={fact.label} element="div" col={6} s={12}>
          <Typography {...tag('dt')} variant="sigma" textColor="neutral600">
            {fact.label}
          </Typography>
          <Box {...tag('dd')} margin={0} paddingTop={1}>
            {typeof fact.value === 'string' ? <Typography>{fact.value}</Typography> : fact.value}
          </Box>
        </GridItem>
      ))}
    </Grid>
  );
}
