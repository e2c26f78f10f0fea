import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFetchClient } from '@strapi/helper-plugin';

import type { AccessListsBody, AccessResponse } from '../../shared/admin-api';
import { API } from '../api/paths';
import { readApiError, type ApiError } from '../api/errors';
import { sameValue } from './same-value';
import { useLoad, type Loaded } from './use-load';

export interface AccessEditor {
  loaded: Loaded<AccessResponse>;
  draft: AccessListsBody | null;
  setDraft: (draft: AccessListsBody) => void;
  dirty: boolean;
  saving: boolean;
  /** From a 400 INVALID_ACCESS_ENTRY: the entries the server refused. */
  refused: string[];
  save: () => Promise<ApiError | null>;
}

/** Held by the page so that edits survive switching tabs (see use-templates-editor). */
export function useAccessEditor(options: { enabled: boolean }): AccessEditor {
  const { get, put } = useFetchClient();
  const loaded = useLoad(async () => (await get<AccessResponse>(API.access)).data, options);
  const [draft, setDraft] = useState<AccessListsBody | null>(null);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);

  const saved = loaded.data?.saved;
  useEffect(() => {
    if (saved) setDraft({ allow: [...saved.allow], deny: [...saved.deny] });
  }, [saved]);

  const dirty = useMemo(() => !sameValue(draft, saved ?? null), [draft, saved]);

  const save = useCallback(async (): Promise<ApiError | null> => {
    if (!draft) return null;
    setSaving(true);
    setRefused([]);
    try {
      await put<AccessResponse>(API.access, draft);
      await loaded.reload();
      return null;
    } catch (thrown) {
      const error = readApiError(thrown);
      if (error.code === 'INVALID_ACCESS_ENTRY' && Array.isArray(error.details.entries)) {
        setRefused(error.details.entries.map(String));
      }
      return error;
    } finally {
      setSaving(false);
    }
  }, [draft, put, loaded]);

  return { loaded, draft, setDraft, dirty, saving, refused, save };
}
