import { useCallback, useEffect, useRef, useState } from 'react';

import { readApiError, type ApiError } from '../api/errors';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads one resource on mount (skipped when `enabled` is false, e.g. no permission).
 * A plain hook rather than react-query: one fewer peer dependency for the package.
 */
export function useLoad<T>(load: () => Promise<T>, options: { enabled: boolean }): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(options.enabled);
  const loadRef = useRef(load);
  loadRef.current = load;
  // Ignore an answer that arrives after unmount (leaving the page mid-request).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mounted.current) {
        setData(value);
        setError(null);
      }
    } catch (thrown) {
      if (mounted.current) setError(readApiError(thrown));
    } finally {
      if (mounted.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (options.enabled) void reload();
    else setLoading(false);
  }, [options.enabled, reload]);

  return { data, error, loading, reload };
}
