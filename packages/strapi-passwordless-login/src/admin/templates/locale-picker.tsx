import { Box, Flex } from '@strapi/design-system';
import { Trash } from '@strapi/icons';

import { AddItemForm } from '../add-item-form';
import { useKit } from '../kit/kit-context';
import type { Translate } from '../use-messages';
import { DEFAULT_LOCALE, isLocaleTag, type LocaleKey } from './template-model';

// The select treats '' as "no value", so the default set needs a value of its own.
const DEFAULT_OPTION = '*default*';

export interface LocalePickerProps {
  locales: string[];
  /** Locales with a saved template (only those can be removed; configured ones stay). */
  removable: string[];
  selected: LocaleKey;
  onSelect: (locale: LocaleKey) => void;
  onAdd: (locale: string) => void;
  onRemove: (locale: string) => void;
  editable: boolean;
  t: Translate;
}

export function LocalePicker(props: LocalePickerProps): JSX.Element {
  const { locales, removable, selected, onSelect, onAdd, onRemove, editable, t } = props;
  const { SelectField, IconButton } = useKit();
  return (
    <Flex gap={6} alignItems="flex-start" wrap="wrap">
      <Flex gap={2} alignItems="flex-start">
        <SelectField
          label={t('templates.locale')}
          hint={t('templates.locale.hint')}
          value={selected === DEFAULT_LOCALE ? DEFAULT_OPTION : selected}
          onChange={(value) => onSelect(value === DEFAULT_OPTION ? DEFAULT_LOCALE : value)}
          options={[
            { value: DEFAULT_OPTION, label: t('templates.locale.default') },
            ...locales.map((locale) => ({ value: locale, label: locale })),
          ]}
        />
        {editable && removable.includes(selected) ? (
          <Box paddingTop={6}>
            <IconButton label={t('templates.locale.remove', { locale: selected })} icon={<Trash />} onClick={() => onRemove(selected)} />
          </Box>
        ) : null}
      </Flex>
      {editable ? (
        <AddItemForm
          label={t('templates.locale.add-label')}
          hint={t('templates.locale.add-hint')}
          name="passwordless-new-locale"
          buttonLabel={t('templates.locale.add')}
          normalise={(value) => value.trim()}
          errorOf={(tag) => (isLocaleTag(tag) ? undefined : t('templates.locale.invalid'))}
          onAdd={onAdd}
        />
      ) : null}
    </Flex>
  );
}
