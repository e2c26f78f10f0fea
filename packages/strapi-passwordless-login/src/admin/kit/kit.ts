/**
 * The few pieces of the admin's kit that differ between Strapi 4 (design-system 1,
 * helper-plugin) and Strapi 5 (design-system 2, react-router 6): the shared panels ask
 * for them here, each major's page provides them (strapi-v4/kit.tsx, strapi-v5/kit.tsx).
 * Box, Flex, Typography, Table, Badge, Button, Loader and VisuallyHidden take the same
 * props on both, so the panels import those from @strapi/design-system directly.
 */
import type { ComponentType, ReactNode } from 'react';

export interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  placeholder?: string;
  readOnly?: boolean;
}

export interface SelectFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}

export interface AdminKit {
  /** The polymorphic prop that renders a primitive as another element: `as` on design-system 1, `tag` on 2. */
  tag: (element: string) => Record<string, string>;
  Grid: ComponentType<{ gap: number; element?: 'dl'; children: ReactNode }>;
  GridItem: ComponentType<{ col: number; s: number; element?: 'div'; children: ReactNode }>;
  TextField: ComponentType<FieldProps>;
  TextareaField: ComponentType<FieldProps>;
  SelectField: ComponentType<SelectFieldProps>;
  /** An icon-only button; `label` is its accessible name (and tooltip). */
  IconButton: ComponentType<{ label: string; icon: ReactNode; onClick: () => void }>;
  /** A tag whose button removes it; `label` names that button. */
  RemovableTag: ComponentType<{ label: string; onRemove: () => void; children: ReactNode }>;
  /** A link inside the admin (client-side navigation), `to` from the admin root: /settings/…. */
  Link: ComponentType<{ to: string; children: ReactNode }>;
}
