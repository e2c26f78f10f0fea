import { yup } from '@strapi/utils';
import { DEFAULT_CONFIG, defaultEmailTemplates, defaultLockedTemplates } from './defaults';
import type { PasswordlessConfig, PasswordlessUserConfig } from './types';
import { findTemplateProblems, usesPlaceholder } from '../../shared/template';
import { findMarkupProblems } from '../../shared/template-markup';
import { findTextPlacementProblems } from '../../shared/template-words';
import { invalidAccessEntries } from '../utils/access';
import { LOCALE } from '../../shared/locale';
import { describeSecretWeakness } from './secret-strength';

export const CONFIG_PATH = 'plugin.users-permissions.passwordless';
const KEY_PREFIX = 'users-permissions.config.passwordless';
const MIN_SECRET_BYTES = 32;
const SECRET_FIX = `Set PASSWORDLESS_SECRET to at least ${MIN_SECRET_BYTES} random bytes (for example: openssl rand -base64 48).`;
// A storefront on the operator's own machine (a production build tried locally); any
// other origin must be https in production.
const LOOPBACK_HTTP_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

const int = (min: number, max: number) => yup.number().integer().min(min).max(max).required();
const window = () => yup.object({ points: int(1, 1_000_000), durationSeconds: int(1, 86_400 * 7) }).noUnknown();
const template = () =>
  yup
    .string()
    .required()
    .test('placeholders', '${path} has ${problems}', function check(value) {
      const problems = findTemplateProblems(value ?? '');
      return problems.length === 0 || this.createError({ params: { problems: problems.join(', ') } });
    });


/** Locale keys must look like BCP 47 tags, and each template part must pass the template checks. */
function localeProblem(locales: Record<string, unknown>): string | null {
  for (const [locale, templates] of Object.entries(locales ?? {})) {
    if (!LOCALE.test(locale)) return `"${locale}" is not a locale tag such as fr or pt-BR`;
    if (typeof templates !== 'object' || templates === null) return `${locale} must be { subject, text, html }`;
    for (const [part, template] of Object.entries(templates)) {
      if (part === 'locked') {
        const problem = lockedProblem(template, `${locale}.locked`);
        if (problem) return problem;
        continue;
      }
      if (!['subject', 'text', 'html'].includes(part)) return `${locale}.${part} is not subject, text, html or locked`;
      const problems = typeof template === 'string' ? findTemplateProblems(template) : ['not a string'];
      if (problems.length > 0) return `${locale}.${part} has ${problems.join(', ')}`;
    }
  }
  return null;
}

/** The locked email: the same template language, but no code (none is valid while locked). */
function lockedProblem(templates: unknown, path: string): string | null {
  if (typeof templates !== 'object' || templates === null) return `${path} must be { subject, text, html }`;
  for (const [part, template] of Object.entries(templates)) {
    if (!['subject', 'text', 'html'].includes(part)) return `${path}.${part} is not subject, text or html`;
    const problems = typeof template === 'string' ? findTemplateProblems(template) : ['not a string'];
    if (typeof template === 'string' && usesPlaceholder(template, 'CODE')) problems.push('<%= CODE %>, which the locked email cannot carry');
    if (problems.length > 0) return `${path}.${part} has ${problems.join(', ')}`;
  }
  return null;
}

const HOST_PREFIX_DOMAIN =
  '${path} cannot be set on a Secure cookie: it is named __Host-<name> so that no sibling subdomain can plant a session, and browsers accept such a cookie only without Domain. Remove cookie.domain (the cookie then belongs to the API host alone)';
const HOST_PREFIX_PATH =
  '${path} must be / on a Secure cookie: it is named __Host-<name> so that no sibling subdomain can plant a session, and browsers accept such a cookie only with Path=/. Remove cookie.path';

const accessList = () =>
  yup
    .array(yup.string().required())
    .required()
    .test('entries', '${path} has entries that are neither name@domain nor @domain: ${entries}', function check(value) {
      const bad = invalidAccessEntries((value ?? []) as string[]);
      return bad.length === 0 || this.createError({ params: { entries: bad.join(', ') } });
    });

const schema = yup
  .object({
    grantPublic: yup.boolean().required(),
    publicRoleCache: yup.object({ enabled: yup.boolean().required(), maxAgeSeconds: int(1, 300) }).noUnknown(),
    signUp: yup
      .object({ enabled: yup.mixed().oneOf([true, false, 'auto']).required(), emailsPerHour: int(0, 1_000_000) })
      .noUnknown(),
    linkUrl: yup
      .string()
      .matches(/^https?:\/\/[^\s?#]+$/, '${path} must be an absolute http(s) URL without query or fragment')
      .optional(),
    secret: yup.string().min(MIN_SECRET_BYTES, `\${path} must be at least \${min} characters. ${SECRET_FIX}`).optional(),
    code: yup
      .object({ length: int(6, 10), ttlSeconds: int(30, 86_400), maxAttempts: int(1, 20) })
      .noUnknown(),
    limits: yup
      .object({
        identifierCooldownSeconds: int(0, 86_400),
        identifierPerHour: int(1, 10_000),
        failureBudget: int(1, 10_000),
        failureWindowSeconds: int(1, 86_400 * 30),
        lockSeconds: int(1, 86_400 * 7),
        // The consecutive cap is what bounds an attacker's guesses over weeks: not above 100.
        maxConsecutiveFailures: int(1, 100),
        ipRequest: window(),
        ipVerify: window(),
        trustedProxyHops: int(1, 10),
      })
      .noUnknown(),
    trustedServers: yup
      .object({ apiTokens: yup.array(yup.string().required()).required(), request: window(), verify: window() })
      .noUnknown(),
    access: yup.object({ allow: accessList(), deny: accessList(), editableInAdmin: yup.boolean().required() }).noUnknown(),
    cookie: yup
      .object({
        enabled: yup.boolean().required(),
        name: yup.string().matches(/^[A-Za-z0-9_-]+$/, '${path} may hold letters, digits, _ and - only').required(),
        sameSite: yup.mixed().oneOf(['lax', 'strict', 'none']).required(),
        secure: yup.boolean().required(),
        maxAge: yup.number().integer().min(1000).optional(),
        // A Secure cookie is named __Host-<name> (see utils/session-cookie), which browsers
        // accept only with Path=/ and no Domain: refused here rather than silently dropped.
        domain: yup
          .string()
          .optional()
          .when('secure', {
            is: true,
            then: (domain) => domain.test('host-prefix', HOST_PREFIX_DOMAIN, (value) => value === undefined),
          }),
        path: yup
          .string()
          .matches(/^\//, '${path} must start with /')
          .required()
          .when('secure', { is: true, then: (path) => path.oneOf(['/'], HOST_PREFIX_PATH) }),
        origins: yup
          .array(yup.string().matches(/^https?:\/\/[^/\s]+$/, '${path} entries must be origins such as https://shop.example').required())
          .required()
          .when('enabled', {
            is: true,
            then: (list) => list.min(1, '${path} must list the storefront origins when the cookie is enabled (CSRF defence)'),
          }),
      })
      .noUnknown(),
    cleanup: yup.object({ intervalMinutes: int(1, 59) }).noUnknown(),
    redis: yup
      .object({
        url: yup.string().matches(/^rediss?:\/\//, '${path} must start with redis:// or rediss://').optional(),
        keyPrefix: yup.string().required(),
      })
      .noUnknown(),
    email: yup
      .object({
        delivery: yup.mixed().oneOf(['provider', 'log']).required(),
        from: yup.string().optional(),
        replyTo: yup.string().optional(),
        subject: template(),
        text: template(),
        html: template(),
        appName: yup.string().required(),
        locked: yup
          .object()
          .required()
          .test('locked', '${path}: ${problem}', function check(value) {
            const problem = lockedProblem(value, 'locked');
            return problem === null || this.createError({ params: { problem } });
          }),
        locales: yup
          .object()
          .required()
          .test('locales', '${path}: ${problem}', function check(value) {
            const problem = localeProblem(value as Record<string, unknown>);
            return problem === null || this.createError({ params: { problem } });
          }),
        editableInAdmin: yup.boolean().required(),
        startJitterMs: int(0, 5_000),
        timeoutMs: int(100, 120_000),
        retries: int(0, 5),
        retryDelayMs: int(0, 60_000),
      })
      .noUnknown(),
  })
  .noUnknown();

export interface ResolveOptions {
  isProduction: boolean;
}

/**
 * Defaults merged with the user's config, then validated. A wrong value is an
 * operator's mistake, so it throws and stops Strapi, naming the key and the fix.
 */
export function resolvePasswordlessConfig(
  user: PasswordlessUserConfig | undefined,
  { isProduction }: ResolveOptions
): PasswordlessConfig {
  const merged = mergeConfig(user ?? {}, isProduction);
  try {
    schema.validateSync(merged, { strict: true, abortEarly: true });
  } catch (error) {
    const { path, message } = error as { path?: string; message: string };
    throw new Error(`Invalid ${KEY_PREFIX}${path ? `.${path}` : ''}: ${message}`);
  }
  const templates: Array<[string, string]> = [
    ...(['subject', 'text', 'html'] as const).map((part): [string, string] => [part, merged.email[part]]),
    ...(['subject', 'text', 'html'] as const).map((part): [string, string] => [`locked.${part}`, merged.email.locked[part]]),
    ...Object.entries(merged.email.locales).flatMap(([locale, parts]) =>
      Object.entries(parts).flatMap(([part, template]): Array<[string, string]> =>
        part === 'locked'
          ? Object.entries(template as object).map(([lockedPart, text]): [string, string] => [`locales.${locale}.locked.${lockedPart}`, String(text)])
          : [[`locales.${locale}.${part}`, String(template)]]
      )
    ),
  ];
  const usingUrl = templates.find(([, template]) => usesPlaceholder(template, 'URL'));
  if (!merged.linkUrl && usingUrl) {
    throw new Error(
      `Invalid ${KEY_PREFIX}.email.${usingUrl[0]}: it uses <%= URL %> but ${KEY_PREFIX}.linkUrl is not set. Set linkUrl (PASSWORDLESS_LINK_URL) or remove the placeholder.`
    );
  }
  // The same rule as for templates saved in the admin: one checker, wherever a template comes from.
  for (const [path, template] of templates) {
    const misplaced = path.endsWith('html') ? findMarkupProblems(template) : findTextPlacementProblems(template);
    if (misplaced.length > 0) {
      throw new Error(
        `Invalid ${KEY_PREFIX}.email.${path}: it has ${misplaced.join(', ')}. Email templates hold text, tables, links and images (inline style attributes, no <style>); a placeholder stands in text, the code and the link as words of their own, and <%= URL %> also as the whole href of an <a> without ping.`
      );
    }
  }
  const problem = isProduction ? productionProblem(merged) : null;
  if (problem) throw new Error(`Invalid ${KEY_PREFIX}.${problem}`);
  return merged;
}

/**
 * What is fine on a laptop (the quick start runs on http://localhost with a derived
 * secret) but weak on the internet, as "<key>: <what is wrong>. <fix>".
 */
function productionProblem({ secret, email, cookie }: PasswordlessConfig): string | null {
  // .env.example ships `PASSWORDLESS_SECRET=` (empty), which the merge treats as unset: refused here.
  if (!secret) return `secret: required in production. ${SECRET_FIX}`;
  // HMAC keys of codes and counters: a guessable one lets anyone who reads the table test codes offline.
  const weakness = describeSecretWeakness(secret);
  if (weakness) return `secret: ${weakness}, too easy to guess for production. ${SECRET_FIX}`;
  if (email.delivery === 'log') {
    return 'email.delivery: "log" writes codes to the log and is refused in production. Configure an email provider and use "provider".';
  }
  // Cookie settings matter only when the cookie is on (as cookie.origins is required only then).
  if (!cookie.enabled) return null;
  if (cookie.sameSite === 'none' && !cookie.secure) {
    return 'cookie.secure: false with cookie.sameSite "none" is refused in production: browsers drop such a cookie, and it would travel over plain http. Set cookie.secure to true (the production default) or cookie.sameSite to "lax".';
  }
  const plainHttp = cookie.origins.find((origin) => origin.startsWith('http://') && !LOOPBACK_HTTP_ORIGIN.test(origin));
  if (plainHttp) {
    return `cookie.origins: "${plainHttp}" is plain http, refused in production: a page served over http can be rewritten in transit and then send requests with the user's cookie. Use its https:// origin (plain http is allowed for localhost, 127.0.0.1 and [::1] only).`;
  }
  return null;
}

/**
 * `env('X')` yields undefined for an unset variable and '' for `X=` in .env, and
 * `env.int('X')` NaN for `X=`; none of them may erase a default.
 */
function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined && v !== '' && !Number.isNaN(v))
  ) as Partial<T>;
}

function mergeConfig(user: PasswordlessUserConfig, isProduction: boolean): PasswordlessConfig {
  const limits = defined(user.limits);
  const withLink = Boolean(defined(user).linkUrl);
  // `signUp: 'auto'` (the earlier form) is short for `signUp: { enabled: 'auto' }`.
  const signUp = typeof user.signUp === 'object' && user.signUp !== null ? defined(user.signUp) : defined({ enabled: user.signUp });
  const email = defined(user.email);
  return {
    ...DEFAULT_CONFIG,
    ...defined(user),
    signUp: { ...DEFAULT_CONFIG.signUp, ...signUp },
    publicRoleCache: { ...DEFAULT_CONFIG.publicRoleCache, ...defined(user.publicRoleCache) },
    code: { ...DEFAULT_CONFIG.code, ...defined(user.code) },
    limits: {
      ...DEFAULT_CONFIG.limits,
      ...limits,
      ipRequest: { ...DEFAULT_CONFIG.limits.ipRequest, ...defined(limits.ipRequest) },
      ipVerify: { ...DEFAULT_CONFIG.limits.ipVerify, ...defined(limits.ipVerify) },
    },
    trustedServers: {
      ...DEFAULT_CONFIG.trustedServers,
      ...defined(user.trustedServers),
      request: { ...DEFAULT_CONFIG.trustedServers.request, ...defined(user.trustedServers?.request) },
      verify: { ...DEFAULT_CONFIG.trustedServers.verify, ...defined(user.trustedServers?.verify) },
    },
    access: { ...DEFAULT_CONFIG.access, ...defined(user.access) },
    cookie: { ...DEFAULT_CONFIG.cookie, secure: isProduction, ...defined(user.cookie) },
    cleanup: { ...DEFAULT_CONFIG.cleanup, ...defined(user.cleanup) },
    redis: { ...DEFAULT_CONFIG.redis, ...defined(user.redis) },
    email: {
      ...DEFAULT_CONFIG.email,
      ...defaultEmailTemplates({ withLink }),
      ...email,
      locked: { ...defaultLockedTemplates({ withLink }), ...defined(email.locked) },
    },
  } as PasswordlessConfig;
}
