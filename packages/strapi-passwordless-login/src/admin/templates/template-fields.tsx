import { Flex } from '@strapi/design-system';
import { findTemplateProblems } from '../../shared/template';
import { findMarkupProblems } from '../../shared/template-markup';

import type { FieldProps } from '../kit/kit';
import { useKit } from '../kit/kit-context';
import type { MessageKey } from '../translations';
import type { Translate } from '../use-messages';
import type { PartName } from './template-model';

const LABELS: Record<PartName, MessageKey> = {
  subject: 'templates.subject',
  text: 'templates.text',
  html: 'templates.html',
};

export interface TemplateFieldsProps {
  values: Record<PartName, string>;
  /** What applies when a field is empty: shown as its placeholder. */
  fallbacks: Record<PartName, string>;
  serverErrors: Partial<Record<PartName, string>>;
  onChange: (part: PartName, value: string) => void;
  readOnly: boolean;
  t: Translate;
}

/** Subject, text and HTML, each checked as you type by the server's own checks (findTemplateProblems, and findMarkupProblems for HTML). */
export function TemplateFields(props: TemplateFieldsProps): JSX.Element {
  const { values, fallbacks, serverErrors, onChange, readOnly, t } = props;
  const { TextField, TextareaField } = useKit();
  const errorOf = (part: PartName): string | undefined => {
    const problems = [...findTemplateProblems(values[part]), ...(part === 'html' ? findMarkupProblems(values[part]) : [])];
    if (problems.length > 0) return `${t('templates.problems', { part: t(LABELS[part]) })}: ${problems.join('; ')}`;
    return serverErrors[part];
  };
  const common = (part: PartName): FieldProps => ({
    name: `passwordless-${part}`,
    label: t(LABELS[part]),
    hint: t('templates.empty-hint'),
    placeholder: fallbacks[part],
    value: values[part],
    error: errorOf(part),
    readOnly,
    onChange: (value) => onChange(part, value),
  });
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <TextField {...common('subject')} />
      <TextareaField {...common('text')} />
      <TextareaField {...common('html')} />
    </Flex>
  );
}
