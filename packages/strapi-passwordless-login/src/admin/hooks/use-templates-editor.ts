import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFetchClient } from '@strapi/helper-plugin';

import type { TemplatesResponse, TemplatesUpdate } from '../../shared/admin-api';
import { API } from '../api/paths';
import { readApiError, type ApiError } from '../api/errors';
import { sameValue } from './same-value';
import { compactTemplates } from '../templates/template-model';
import { useLoad, type Loaded } from './use-load';

export interface ServerFieldError {
  path: unknown;
  message: string;
}

export interface TemplatesEditor {
  loaded: Loaded<TemplatesResponse>;
  draft: TemplatesUpdate | null;
  setDraft: (draft: TemplatesUpdate) => void;
  dirty: boolean;
  saving: boolean;
  /** From a 400 INVALID_TEMPLATE: which part and why. */
  serverErrors: ServerFieldError[];
  /** Resolves with the error when the save failed (the page notifies), null when saved. */
  save: () => Promise<ApiError | null>;
}

const EMPTY: TemplatesUpdate = { default: {}, locales: {} };

/**
 * Lives in the page, not in the tab: the design system unmounts hidden tab panels,
 * and an edit must survive a look at the Status tab.
 */
export function useTemplatesEditor(options: { enabled: boolean }): TemplatesEditor {
  const { get, put } = useFetchClient();
  const loaded = useLoad(
    async () => (await get<TemplatesResponse>(API.templates)).data,
    options,
  );
  const [draft, setDraft] = useState<TemplatesUpdate | null>(null);
  const [saving, setSaving] = useState(false);
  const [serverErrors, setServerErrors] = useState<ServerFieldError[]>([]);

  const savedSet = loaded.data?.saved;
  const saved = useMemo(() => (savedSet ? compactTemplates(savedSet) : null), [savedSet]);
  useEffect(() => {
    if (saved) setDraft(saved);
  }, [saved]);

  const dirty = useMemo(() => !sameValue(draft ?? EMPTY, saved ?? EMPTY), [draft, saved]);

  const save = useCallback(async (): Promise<ApiError | null> => {
    if (!draft) return null;
    setSaving(true);
    setServerErrors([]);
    try {
      await put<TemplatesResponse>(API.templates, draft);
      await loaded.reload();
      return null;
    } catch (thrown) {
      const error = readApiError(thrown);
      if (error.code === 'INVALID_TEMPLATE' && Array.isArray(error.details.errors)) {
        setServerErrors(error.details.errors as ServerFieldError[]);
      }
      return error;
    } finally {
      setSaving(false);
    }
  }, [draft, put, loaded]);

  return { loaded, draft, setDraft, dirty, saving, serverErrors, save };
}
