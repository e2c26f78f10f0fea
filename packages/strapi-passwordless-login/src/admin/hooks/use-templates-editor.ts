import type { TemplatesResponse, TemplatesUpdate } from '../../shared/admin-api';
import { API } from '../api/paths';
import type { ApiError } from '../api/errors';
import { compactTemplates } from '../templates/template-model';
import { useEditor, type Editor } from './use-editor';

export interface ServerFieldError {
  path: unknown;
  message: string;
}

/** `problems`: from a 400 INVALID_TEMPLATE, which part and why. */
export type TemplatesEditor = Editor<TemplatesResponse, TemplatesUpdate, ServerFieldError>;

// Empty parts mean "use the configured one" either way: dropped, so they never make the page dirty.
const draftOf = ({ saved }: TemplatesResponse): TemplatesUpdate => compactTemplates(saved);

const problemsOf = (error: ApiError): ServerFieldError[] =>
  error.code === 'INVALID_TEMPLATE' && Array.isArray(error.details.errors) ? (error.details.errors as ServerFieldError[]) : [];

export function useTemplatesEditor(options: { enabled: boolean }): TemplatesEditor {
  return useEditor({ ...options, path: API.templates, draftOf, problemsOf });
}
