import { useCallback, useEffect, useMemo, useState } from 'react';

import { useAdminApi } from '../api/client';
import { readApiError, type ApiError } from '../api/errors';
import { sameValue } from './same-value';
import { useLoad, type Loaded } from './use-load';

export interface Editor<Response, Draft, Problem> {
  loaded: Loaded<Response>;
  draft: Draft | null;
  setDraft: (draft: Draft) => void;
  dirty: boolean;
  saving: boolean;
  /** What the server refused on the last save, read from its 400's details. */
  problems: Problem[];
  /** Resolves with the error when the save failed (the page notifies), null when saved. */
  save: () => Promise<ApiError | null>;
}

export interface EditorOptions<Response, Draft, Problem> {
  enabled: boolean;
  /** The admin API path read with GET and saved with PUT. */
  path: string;
  /** The editable part of the answer, as the draft starts from it. */
  draftOf: (response: Response) => Draft;
  /** The refused items in a failed save's error (none when it is another error). */
  problemsOf: (error: ApiError) => Problem[];
}

/**
 * One settings resource edited in the page: loaded, copied into a draft, compared for
 * the Save button, saved and reloaded. Held by the page, not the tab: the design system
 * unmounts hidden tab panels, and an edit must survive a look at another tab.
 */
export function useEditor<Response, Draft, Problem>(
  options: EditorOptions<Response, Draft, Problem>,
): Editor<Response, Draft, Problem> {
  const { path, draftOf, problemsOf } = options;
  const { get, put } = useAdminApi().client;
  const loaded = useLoad(async () => (await get<Response>(path)).data, options);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);

  // draftOf is a module-level function in both callers: the saved value changes only on (re)load.
  const saved = useMemo(() => (loaded.data ? draftOf(loaded.data) : null), [loaded.data]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (saved) setDraft(saved);
  }, [saved]);

  const dirty = useMemo(() => !sameValue(draft, saved), [draft, saved]);

  const save = useCallback(async (): Promise<ApiError | null> => {
    if (!draft) return null;
    setSaving(true);
    setProblems([]);
    try {
      await put<Response>(path, draft);
      await loaded.reload();
      return null;
    } catch (thrown) {
      const error = readApiError(thrown);
      setProblems(problemsOf(error));
      return error;
    } finally {
      setSaving(false);
    }
  }, [draft, put, path, loaded, problemsOf]);

  return { loaded, draft, setDraft, dirty, saving, problems, save };
}
