import { Box, Flex, Typography } from '@strapi/design-system';

import { AddItemForm } from '../add-item-form';
import { useKit } from '../kit/kit-context';
import type { Translate } from '../use-messages';
import { isAccessEntry, normaliseEntry } from './access-model';

export interface EntryListProps {
  title: string;
  /** Stable id prefix for labels and tests: 'allow' or 'deny'. */
  id: string;
  configured: string[];
  entries: string[];
  refused: string[];
  editable: boolean;
  onAdd: (entry: string) => void;
  onRemove: (entry: string) => void;
  t: Translate;
}

/** One list: config entries read-only, saved ones removable as tags, and an input to add one. */
export function EntryList(props: EntryListProps): JSX.Element {
  const { title, id, configured, entries, refused, editable, onAdd, onRemove, t } = props;
  const { tag, RemovableTag } = useKit();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} {...tag('section')} aria-labelledby={`passwordless-${id}-title`}>
      <Typography variant="delta" {...tag('h3')} id={`passwordless-${id}-title`}>
        {title}
      </Typography>
      <Box>
        <Typography variant="sigma" textColor="neutral600" {...tag('h4')}>
          {t('access.configured')}
        </Typography>
        <Typography {...tag('p')} textColor={configured.length ? 'neutral800' : 'neutral600'}>
          {configured.length ? configured.join(', ') : t('access.empty')}
        </Typography>
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600" {...tag('h4')}>
          {t('access.saved')}
        </Typography>
        <Flex {...tag('ul')} gap={2} wrap="wrap" paddingTop={1} aria-label={`${title}: ${t('access.saved')}`}>
          {entries.length === 0 ? (
            <Typography {...tag('li')} textColor="neutral600">
              {t('access.empty')}
            </Typography>
          ) : null}
          {entries.map((item) => (
            <li key={item}>
              {editable ? (
                <RemovableTag label={t('access.remove', { entry: item })} onRemove={() => onRemove(item)}>
                  {refused.includes(item) ? `⚠ ${item}` : item}
                </RemovableTag>
              ) : (
                <Typography>{item}</Typography>
              )}
            </li>
          ))}
        </Flex>
      </Box>
      {editable ? (
        <AddItemForm
          label={`${t('access.entry')} (${title})`}
          name={`passwordless-${id}-entry`}
          placeholder="jane@example.com, @example.com"
          buttonLabel={t('access.add')}
          normalise={normaliseEntry}
          errorOf={(entry) =>
            !isAccessEntry(entry)
              ? t('access.invalid-entry')
              : entries.includes(entry) || configured.includes(entry)
                ? t('access.duplicate')
                : undefined
          }
          onAdd={onAdd}
          fill
        />
      ) : null}
    </Flex>
  );
}
