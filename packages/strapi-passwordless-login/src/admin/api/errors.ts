/**
 * Reads Strapi's error body ({ data: null, error: { status, name, message, details } })
 * out of what useFetchClient throws (axios on Strapi 4, the admin's FetchError on 5: both
 * put the body under `response.data`), so panels can react to `details.code`.
 */
export interface ApiError {
  status: number | null;
  message: string;
  code: string | null;
  details: Record<string, unknown>;
}

interface AxiosLikeError {
  message?: string;
  /** FetchError (Strapi 5) carries the HTTP status here when the body was not Strapi's. */
  status?: number;
  response?: { status?: number; data?: { error?: { status?: number; message?: string; details?: Record<string, unknown> } } };
}

export function readApiError(thrown: unknown): ApiError {
  const error = (thrown ?? {}) as AxiosLikeError;
  const body = error.response?.data?.error;
  const details = body?.details ?? {};
  return {
    status: body?.status ?? error.response?.status ?? error.status ?? null,
    // Without a body (network failure) axios' own message is the best we have.
    message: body?.message ?? error.message ?? 'Request failed',
    code: typeof details.code === 'string' ? details.code : null,
    details,
  };
}
