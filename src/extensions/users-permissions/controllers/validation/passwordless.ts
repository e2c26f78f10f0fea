import { errors, yup } from '@strapi/utils';
import { ERROR_CODES } from '../../error-codes';
import { hasInvisibleCharacters } from '../../utils/identifier';

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

// Built once at load; strict so nothing is coerced (no numbers turned into strings),
// noUnknown so extra fields (`email`, `__proto__`, operators) are refused, not ignored.
const requestSchema = yup.object({ identifier }).noUnknown().required().strict();
const verifySchema = yup.object({ identifier, code }).noUnknown().required().strict();

export interface RequestBody {
  identifier: string;
}
export interface VerifyBody extends RequestBody {
  code: string;
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
export const validateVerifyBody = (body: unknown): Promise<VerifyBody> => validate(verifySchema, body);
