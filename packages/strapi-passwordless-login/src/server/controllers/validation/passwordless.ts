import { errors, yup } from '@strapi/utils';
import { ERROR_CODES } from '../../error-codes';
import { hasInvisibleCharacters } from '../../utils/identifier';
import { LOCALE, MAX_LOCALE_LENGTH } from '../../../shared/locale';

/** RFC 5321 caps an address at 254 characters; usernames fit well within it. */
const MAX_IDENTIFIER_LENGTH = 254;

const identifier = yup
  .string()
  .required()
  .max(MAX_IDENTIFIER_LENGTH)
  .test('not-blank', '${path} must not be blank', (value) => (value ?? '').trim().length > 0)
  .test('visible', '${path} must not contain invisible or control characters', (value) => !hasInvisibleCharacters(value ?? ''));

// A string of digits: a number would lose leading zeros. The configured length is
// not enforced here; a code of the wrong length is simply wrong (INVALID_CODE).
const code = yup.string().required().matches(/^\d{6,10}$/, '${path} must be 6 to 10 digits');

// A magic-link token as generateToken makes it (43 base64url characters), with room to spare.
const token = yup.string().required().matches(/^[A-Za-z0-9_-]{20,200}$/, '${path} is not a link token');

// Built once at load; strict so nothing is coerced (no numbers turned into strings),
// noUnknown so extra fields (`email`, `__proto__`, operators) are refused, not ignored.
// Picks the email's language; an unknown but well-formed locale falls back to the default.
const locale = yup.string().max(MAX_LOCALE_LENGTH).matches(LOCALE, '${path} must be a locale tag such as fr or pt-BR').optional();

// Strapi 5: the device a session belongs to, taken as stock /auth/local takes it (anything
// but a non-empty string is ignored there, and here), within the column's 255 characters.
const deviceId = yup
  .mixed()
  .optional()
  .test('length', '${path} must be at most 255 characters', (value: unknown) => typeof value !== 'string' || value.length <= 255);

const requestSchema = yup.object({ identifier, locale }).noUnknown().required().strict();
const verifySchema = yup.object({ identifier, code }).noUnknown().required().strict();
const linkSchema = yup.object({ token }).noUnknown().required().strict();
const sessionVerifySchema = yup.object({ identifier, code, deviceId }).noUnknown().required().strict();
const sessionLinkSchema = yup.object({ token, deviceId }).noUnknown().required().strict();
const logoutSchema = yup.object({ everywhere: yup.boolean().optional() }).noUnknown().required().strict();

export interface RequestBody {
  identifier: string;
  locale?: string;
}
export interface CodeBody {
  identifier: string;
  code: string;
  deviceId?: string;
}
export interface LinkBody {
  token: string;
  deviceId?: string;
}
export type VerifyBody = CodeBody | LinkBody;
export interface LogoutBody {
  everywhere?: boolean;
  scope?: unknown;
  [field: string]: unknown;
}

async function validate<T>(schema: yup.AnyObjectSchema, body: unknown): Promise<T> {
  try {
    return (await schema.validate(body, { abortEarly: false, strict: true })) as T;
  } catch (error) {
    const { errors: messages = [] } = error as { errors?: string[] };
    throw new errors.ValidationError('Invalid request body', {
      code: ERROR_CODES.INVALID_BODY,
      errors: messages,
    });
  }
}

export const validateRequestBody = (body: unknown): Promise<RequestBody> => validate(requestSchema, body);
/** `{ identifier, code }`, or `{ token }` alone for a magic link; on Strapi 5 either may carry a `deviceId`. */
export const validateVerifyBody = (body: unknown, { deviceId: sessions }: { deviceId: boolean }): Promise<VerifyBody> => {
  const isLink = body !== null && typeof body === 'object' && 'token' in body;
  if (sessions) return validate(isLink ? sessionLinkSchema : sessionVerifySchema, body);
  return validate(isLink ? linkSchema : verifySchema, body);
};
/**
 * `{}` or `{ everywhere: true }`; a missing body counts as `{}`. With refresh sessions the
 * route is users-permissions' own, which reads `scope`, `deviceId` and `refreshToken` and
 * ignores the rest: only our `everywhere` is checked, the body passed on as it came.
 */
export async function validateLogoutBody(body: unknown, { refresh }: { refresh: boolean }): Promise<LogoutBody> {
  if (!refresh) return validate(logoutSchema, body ?? {});
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as LogoutBody) : {};
  if (fields.everywhere !== undefined && typeof fields.everywhere !== 'boolean') {
    throw new errors.ValidationError('Invalid request body', { code: ERROR_CODES.INVALID_BODY, errors: ['everywhere must be a boolean'] });
  }
  return fields;
}
