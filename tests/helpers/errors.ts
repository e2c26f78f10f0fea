/**
 * The routes' refusals as a storefront sees them: Strapi's error shape, with our
 * stable code in `details.code` (never the wording).
 */
interface Answer {
  status: number;
  body: any;
  headers?: Record<string, string>;
}

/** Strapi's error shape with our stable code. */
export function expectError(res: Answer, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.details?.code }).toEqual({ status, code });
  expect(res.body.data).toBeNull();
}

/** The one answer to every failed proof (wrong, expired, used, unknown, blocked): a ValidationError. */
export function expectInvalidCode(res: Answer): void {
  expectError(res, 400, 'INVALID_CODE');
  expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
}

/** A limit's answer: a RateLimitError with `code` and a Retry-After. */
export function expectLimited(res: Answer, code: string): void {
  expectError(res, 429, code);
  expect(res.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
  expect(Number(res.headers?.['retry-after'])).toBeGreaterThan(0);
}
