/**
 * Strapi 5's kit (kit/kit.ts): design-system 2, whose fields are composed from
 * Field.Root, Label, Hint and Error around the input (as Strapi 5's own settings pages
 * compose them), whose primitives take `tag` for the element, and react-router 6's NavLink.
 */
import type { ComponentType, ReactNode } from 'react';
import { Field, Grid, IconButton, Link, SingleSelect, SingleSelectOption, Tag, Textarea, TextInput } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { NavLink } from 'react-router-dom';

import type { AdminKit, FieldProps } from '../kit/kit';

type InputEvent = { target: { value: string } };

function Labelled({ label, name, hint, error, children }: Pick<FieldProps, 'label' | 'name' | 'hint' | 'error'> & { children: ReactNode }): JSX.Element {
  return (
    <Field.Root name={name} hint={hint} error={error}>
      <Field.Label>{label}</Field.Label>
      {children}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

/** A design-system 2 text input (TextInput, Textarea: the same props) as one of the kit's labelled fields. */
function labelled(Input: typeof TextInput): ComponentType<FieldProps> {
  return function LabelledField({ onChange, ...props }: FieldProps): JSX.Element {
    return (
      <Labelled {...props}>
        <Input
          value={props.value}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          onChange={(event: InputEvent) => onChange(event.target.value)}
        />
      </Labelled>
    );
  };
}

export const strapi5Kit: AdminKit = {
  tag: (element) => ({ tag: element }),
  Grid: ({ gap, element, children }) => (
    <Grid.Root gap={gap} tag={element} margin={0}>
      {children}
    </Grid.Root>
  ),
  // A Flex in design-system 2: a column, so a field takes the item's whole width.
  GridItem: ({ col, s, element, children }) => (
    <Grid.Item col={col} s={s} tag={element} direction="column" alignItems="stretch">
      {children}
    </Grid.Item>
  ),
  TextField: labelled(TextInput),
  TextareaField: labelled(Textarea),
  SelectField: ({ label, hint, value, onChange, options }) => (
    <Field.Root hint={hint}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} onChange={(next: string | number) => onChange(String(next))}>
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
    </Field.Root>
  ),
  IconButton: ({ label, icon, onClick }) => (
    <IconButton label={label} onClick={onClick}>
      {icon}
    </IconButton>
  ),
  // design-system 2's Tag is a box with a button inside: `label` names that button.
  RemovableTag: ({ label, onRemove, children }) => (
    <Tag icon={<Cross aria-hidden />} label={label} onClick={onRemove}>
      {children}
    </Tag>
  ),
  Link: ({ to, children }) => (
    <Link tag={NavLink} to={to}>
      {children}
    </Link>
  ),
};
