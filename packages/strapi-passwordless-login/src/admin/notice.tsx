import type { ReactNode } from 'react';
import { Box, Typography } from '@strapi/design-system';

import { useKit } from './kit/kit-context';

type Variant = 'info' | 'success' | 'danger';

const COLORS: Record<Variant, { background: string; border: string }> = {
  info: { background: 'primary100', border: 'primary200' },
  success: { background: 'success100', border: 'success200' },
  danger: { background: 'danger100', border: 'danger200' },
};

/**
 * A boxed message without the design system Alert's close button: these messages go
 * away when their cause does, so a button that only hides them would mislead.
 * Danger is role="alert" (announced at once), the others role="status".
 */
export function Notice({ variant, title, children, testId }: { variant: Variant; title: string; children?: ReactNode; testId?: string }): JSX.Element {
  const { tag } = useKit();
  const colors = COLORS[variant];
  return (
    <Box
      background={colors.background}
      borderColor={colors.border}
      hasRadius
      padding={4}
      role={variant === 'danger' ? 'alert' : 'status'}
      data-testid={testId}
    >
      <Typography fontWeight="bold" {...tag('p')}>
        {title}
      </Typography>
      {children ? (
        <Typography {...tag('p')} paddingTop={1}>
          {children}
        </Typography>
      ) : null}
    </Box>
  );
}
