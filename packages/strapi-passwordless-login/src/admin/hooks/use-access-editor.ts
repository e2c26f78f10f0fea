import type { AccessListsBody, AccessResponse } from '../../shared/admin-api';
import { API } from '../api/paths';
import type { ApiError } from '../api/errors';
import { useEditor, type Editor } from './use-editor';

/** `problems`: from a 400 INVALID_ACCESS_ENTRY, the entries the server refused. */
export type AccessEditor = Editor<AccessResponse, AccessListsBody, string>;

const draftOf = ({ saved }: AccessResponse): AccessListsBody => ({ allow: [...saved.allow], deny: [...saved.deny] });

const problemsOf = (error: ApiError): string[] =>
  error.code === 'INVALID_ACCESS_ENTRY' && Array.isArray(error.details.entries) ? error.details.entries.map(String) : [];

export function useAccessEditor(options: { enabled: boolean }): AccessEditor {
  return useEditor({ ...options, path: API.access, draftOf, problemsOf });
}
