import { Typography } from '@strapi/design-system';

import { Card } from '../card';
import type { AccessEditor } from '../hooks/use-access-editor';
import { useKit } from '../kit/kit-context';
import { LoadState } from '../load-state';
import { Notice } from '../notice';
import type { Translate } from '../use-messages';
import { LIST_NAMES, withEntry, withoutEntry } from './access-model';
import { EntryList } from './entry-list';

/** Allow and deny lists side by side; saved from the page header. */
export function AccessPanel({ editor, canUpdate, t }: { editor: AccessEditor; canUpdate: boolean; t: Translate }): JSX.Element {
  const { Grid, GridItem } = useKit();
  const data = editor.loaded.data;
  const draft = editor.draft;
  if (!data || !draft) return <LoadState loading={editor.loaded.loading} error={editor.loaded.error} t={t} />;
  const editable = data.editable && canUpdate;
  // Config that restricts sign-in to its own allow list keeps it: admins may only deny more.
  const allowFromConfig = data.configured.allow.length > 0;

  return (
    <Card title={t('access.title')} hint={t('access.hint')}>
      <Notice variant="info" title={t('access.deny-wins')} />
      {!data.editable ? <Typography textColor="neutral600">{t('access.locked')}</Typography> : null}
      {data.editable && !canUpdate ? <Typography textColor="neutral600">{t('access.no-update')}</Typography> : null}
      {editor.problems.length > 0 ? (
        <Notice variant="danger" title={t('access.server-errors', { entries: editor.problems.join(', ') })} />
      ) : null}
      {allowFromConfig ? <Typography textColor="neutral600">{t('access.allow-from-config')}</Typography> : null}
      <Grid gap={6}>
        {LIST_NAMES.map((list) => (
          <GridItem key={list} col={6} s={12}>
            <EntryList
              id={list}
              title={t(list === 'allow' ? 'access.allow' : 'access.deny')}
              configured={data.configured[list]}
              entries={draft[list]}
              refused={editor.problems}
              editable={editable && !(list === 'allow' && allowFromConfig)}
              onAdd={(entry) => editor.setDraft(withEntry(draft, list, entry))}
              onRemove={(entry) => editor.setDraft(withoutEntry(draft, list, entry))}
              t={t}
            />
          </GridItem>
        ))}
      </Grid>
    </Card>
  );
}
