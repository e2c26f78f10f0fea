// TEMPORARY stand-in for strapi-passwordless-login/client until it lands on main (same contract).
export type PasswordlessErrorCode =
  | 'INVALID_BODY' | 'INVALID_CODE' | 'TOO_MANY_ATTEMPTS' | 'CODE_RATE_LIMITED' | 'IP_RATE_LIMITED' | 'SERVER_RATE_LIMITED'
  | 'CSRF_ORIGIN_MISMATCH' | 'NOT_SIGNED_IN' | 'SERVICE_UNAVAILABLE' | 'FORBIDDEN' | 'UNAUTHORIZED'
  | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';
export interface SignInResult { jwt: string; user: { id: number; email: string; username: string; [k: string]: unknown } }
export class PasswordlessError extends Error {
  constructor(public code: PasswordlessErrorCode, public status: number, public retryAfterSeconds?: number) {
    super(code);
  }
}
interface Options { baseUrl: string; fetch?: typeof fetch; credentials?: RequestCredentials; server?: { apiToken: string } }
export function createPasswordlessClient(options: Options) {
  const doFetch = options.fetch ?? fetch;
  async function call(path: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
    let res: Response;
    try {
      res = await doFetch(`${options.baseUrl.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
        credentials: options.credentials,
      });
    } catch {
      throw new PasswordlessError('NETWORK_ERROR', 0);
    }
    const json = await res.json().catch(() => null);
    if (res.ok) return json;
    const retry = res.headers.get('Retry-After');
    const code = json?.error?.details?.code ?? (res.status === 401 ? 'UNAUTHORIZED' : res.status === 403 ? 'FORBIDDEN' : 'UNEXPECTED_RESPONSE');
    throw new PasswordlessError(code, res.status, retry ? Number(retry) : undefined);
  }
  const server = (forwardedFor?: string): Record<string, string> =>
    options.server
      ? { Authorization: `Bearer ${options.server.apiToken}`, ...(forwardedFor ? { 'Passwordless-Forwarded-For': forwardedFor } : {}) }
      : {};
  return {
    async requestCode(identifier: string, o: { locale?: string; forwardedFor?: string } = {}): Promise<void> {
      await call('/api/auth/passwordless', { identifier, ...(o.locale ? { locale: o.locale } : {}) }, server(o.forwardedFor));
    },
    verifyCode: (identifier: string, code: string, o: { forwardedFor?: string } = {}): Promise<SignInResult> =>
      call('/api/auth/passwordless/verify', { identifier, code }, server(o.forwardedFor)),
    verifyLink: (token: string, o: { forwardedFor?: string } = {}): Promise<SignInResult> =>
      call('/api/auth/passwordless/verify', { token }, server(o.forwardedFor)),
    async logout(o: { everywhere?: boolean; jwt?: string } = {}): Promise<void> {
      await call('/api/auth/logout', o.everywhere ? { everywhere: true } : {}, o.jwt ? { Authorization: `Bearer ${o.jwt}` } : {});
    },
  };
}
