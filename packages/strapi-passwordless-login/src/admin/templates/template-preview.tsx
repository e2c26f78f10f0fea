import { Box, Flex, Typography } from '@strapi/design-system';

import { renderTemplate, type TemplateValues } from '../../shared/template';
import { findMarkupProblems } from '../../shared/template-markup';
import { useKit } from '../kit/kit-context';
import type { Translate } from '../use-messages';
import type { PartName } from './template-model';

/**
 * The email as it would be sent, rendered by the same renderTemplate as the mailer.
 * The HTML goes in an iframe with an empty sandbox: no script, form or navigation
 * runs, whatever an admin (or a compromised admin account) typed. A draft the server would
 * refuse (shared/template-markup) is not rendered at all: even a sandboxed frame loads
 * images, and the preview's sample link would go out with them.
 */
export function TemplatePreview({ parts, sample, t }: { parts: Record<PartName, string>; sample: TemplateValues; t: Translate }): JSX.Element {
  const { tag } = useKit();
  const subject = renderTemplate(parts.subject, sample, { html: false });
  const text = renderTemplate(parts.text, sample, { html: false });
  const html = findMarkupProblems(parts.html).length === 0 ? renderTemplate(parts.html, sample, { html: true }) : null;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} {...tag('section')} aria-labelledby="passwordless-preview-title">
      <Typography variant="delta" {...tag('h3')} id="passwordless-preview-title">
        {t('templates.preview')}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('templates.preview.hint')}
      </Typography>
      <Box>
        <Typography variant="sigma" textColor="neutral600" {...tag('h4')}>
          {t('templates.preview.subject')}
        </Typography>
        <Typography {...tag('p')} fontWeight="bold" data-testid="passwordless-preview-subject">
          {subject}
        </Typography>
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600" {...tag('h4')}>
          {t('templates.preview.text')}
        </Typography>
        <Box
          {...tag('pre')}
          padding={3}
          background="neutral100"
          hasRadius
          data-testid="passwordless-preview-text"
          style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 13 }}
        >
          {text}
        </Box>
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600" {...tag('h4')}>
          {t('templates.preview.html')}
        </Typography>
        {html === null ? (
          <Typography {...tag('p')} textColor="danger600" data-testid="passwordless-preview-html-refused">
            {t('templates.preview.unsafe')}
          </Typography>
        ) : (
          <iframe
            title={t('templates.preview.html')}
            sandbox=""
            srcDoc={html}
            data-testid="passwordless-preview-html"
            style={{ width: '100%', height: 360, border: '1px solid #dcdce4', borderRadius: 4, background: '#ffffff' }}
          />
        )}
      </Box>
    </Flex>
  );
}
