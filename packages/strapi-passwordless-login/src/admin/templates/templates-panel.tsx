import { useState } from 'react';
import { Typography } from '@strapi/design-system';

import { Card } from '../card';
import type { TemplatesEditor } from '../hooks/use-templates-editor';
import { useKit } from '../kit/kit-context';
import { LoadState } from '../load-state';
import { Notice } from '../notice';
import type { Translate } from '../use-messages';
import { LocalePicker } from './locale-picker';
import { TemplateFields } from './template-fields';
import { TemplatePreview } from './template-preview';
import * as model from './template-model';

type Parts = Record<model.PartName, string>;

function partsOf(pick: (part: model.PartName) => string): Parts {
  return { subject: pick('subject'), text: pick('text'), html: pick('html') };
}

/** Edit one locale's code email at a time, with the preview beside it. Saved from the page header. */
export function TemplatesPanel({ editor, canUpdate, t }: { editor: TemplatesEditor; canUpdate: boolean; t: Translate }): JSX.Element {
  const { Grid, GridItem } = useKit();
  const [locale, setLocale] = useState<model.LocaleKey>(model.DEFAULT_LOCALE);
  const data = editor.loaded.data;
  const draft = editor.draft;
  if (!data || !draft) return <LoadState loading={editor.loaded.loading} error={editor.loaded.error} t={t} />;

  const editable = data.editable && canUpdate;
  const values = partsOf((part) => model.draftPart(draft, locale, part));
  const fallbacks = partsOf((part) => model.fallbackPart(data.configured, draft, locale, part));
  const effective = partsOf((part) => model.effectivePart(data.configured, draft, locale, part));
  const serverErrors = Object.fromEntries(
    editor.problems
      .filter((error) => model.PART_NAMES.some((part) => model.pathKey(error.path) === model.partPath(locale, part)))
      .map((error) => [model.pathKey(error.path).split('.').pop(), error.message]),
  );

  return (
    <Card title={t('templates.title')} hint={t('templates.placeholders', { list: data.placeholders.map((name) => `<%= ${name} %>`).join(', ') })}>
      {!data.editable ? <Notice variant="info" title={t('templates.locked')} /> : null}
      {data.editable && !canUpdate ? <Typography textColor="neutral600">{t('templates.no-update')}</Typography> : null}
      {editor.problems.length > 0 ? (
        <Notice variant="danger" title={t('templates.server-errors')}>
          {editor.problems.map((error) => `${model.pathKey(error.path)}: ${error.message}`).join(' · ')}
        </Notice>
      ) : null}
      <LocalePicker
        locales={model.listLocales(data.configured, draft)}
        removable={Object.keys(draft.locales)}
        selected={locale}
        onSelect={setLocale}
        onAdd={(tag) => {
          editor.setDraft(model.withLocale(draft, tag));
          setLocale(tag);
        }}
        onRemove={(tag) => {
          editor.setDraft(model.withoutLocale(draft, tag));
          // A configured locale stays listed (its config template still applies); a saved-only one goes.
          if (!data.configured.locales[tag]) setLocale(model.DEFAULT_LOCALE);
        }}
        editable={editable}
        t={t}
      />
      <Grid gap={6}>
        <GridItem col={6} s={12}>
          <TemplateFields
            values={values}
            fallbacks={fallbacks}
            serverErrors={serverErrors}
            onChange={(part, value) => editor.setDraft(model.withPart(draft, locale, part, value))}
            readOnly={!editable}
            t={t}
          />
        </GridItem>
        <GridItem col={6} s={12}>
          <TemplatePreview parts={effective} sample={data.sample} t={t} />
        </GridItem>
      </Grid>
    </Card>
  );
}
