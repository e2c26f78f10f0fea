import { useState } from 'react';
import { Box, Button, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';

import { useKit } from './kit/kit-context';

export interface AddItemFormProps {
  label: string;
  name: string;
  hint?: string;
  placeholder?: string;
  buttonLabel: string;
  /** The value as it will be added (trimmed, lower-cased…). */
  normalise: (value: string) => string;
  /** Why the normalised value cannot be added, or undefined. */
  errorOf: (item: string) => string | undefined;
  onAdd: (item: string) => void;
  /** Let the input take the row's free width. */
  fill?: boolean;
}

/**
 * An input and an Add button: a form, so Enter adds too, without submitting anything to
 * the server. The button stays disabled while the value would be refused.
 */
export function AddItemForm(props: AddItemFormProps): JSX.Element {
  const { label, name, hint, placeholder, buttonLabel, normalise, errorOf, onAdd, fill } = props;
  const { tag, TextField } = useKit();
  const [value, setValue] = useState('');
  const item = normalise(value);
  const error = value ? errorOf(item) : undefined;
  const input = (
    <TextField label={label} hint={hint} name={name} placeholder={placeholder} value={value} error={error} onChange={setValue} />
  );
  return (
    <Flex
      {...tag('form')}
      gap={2}
      alignItems="flex-start"
      onSubmit={(event: { preventDefault: () => void }) => {
        event.preventDefault();
        if (!value || error) return;
        onAdd(item);
        setValue('');
      }}
    >
      {fill ? <Box grow={1}>{input}</Box> : input}
      <Box paddingTop={6}>
        <Button type="submit" variant="secondary" startIcon={<Plus />} disabled={!value || Boolean(error)}>
          {buttonLabel}
        </Button>
      </Box>
    </Flex>
  );
}
