/**
 * Strapi 4's kit (kit/kit.ts): design-system 1, whose fields take their label, hint and
 * error as props, and helper-plugin's router Link.
 */
import { Grid, GridItem, IconButton, SingleSelect, SingleSelectOption, Tag, Textarea, TextInput } from '@strapi/design-system';
import { Link } from '@strapi/helper-plugin';
import { Cross } from '@strapi/icons';

import type { AdminKit, FieldProps } from '../kit/kit';

type InputEvent = { target: { value: string } };

const fieldProps = ({ onChange, ...props }: FieldProps) => ({ ...props, onChange: (event: InputEvent) => onChange(event.target.value) });

export const strapi4Kit: AdminKit = {
  tag: (element) => ({ as: element }),
  Grid: ({ gap, element, children }) => (
    <Grid gap={gap} as={element} margin={0}>
      {children}
    </Grid>
  ),
  GridItem: ({ col, s, element, children }) => (
    <GridItem col={col} s={s} as={element}>
      {children}
    </GridItem>
  ),
  TextField: (props) => <TextInput {...fieldProps(props)} />,
  TextareaField: (props) => <Textarea {...fieldProps(props)} />,
  SelectField: ({ options, ...props }) => (
    <SingleSelect {...props}>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  ),
  IconButton: ({ label, icon, onClick }) => <IconButton label={label} icon={icon} onClick={onClick} />,
  // design-system 1's Tag is the button itself: its aria-label names it.
  RemovableTag: ({ label, onRemove, children }) => (
    <Tag icon={<Cross aria-hidden />} onClick={onRemove} aria-label={label}>
      {children}
    </Tag>
  ),
  Link: ({ to, children }) => <Link to={to}>{children}</Link>,
};
