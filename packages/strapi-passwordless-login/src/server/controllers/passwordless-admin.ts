import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { ADMIN_ERROR_CODES, ERROR_CODES, type AdminErrorCode } from '../error-codes';
import { respondWithError } from '../utils/error-response';
import { getService } from '../utils/get-service';
import { isLocaleTag } from '../../shared/locale';
import { TEMPLATE_PLACEHOLDERS } from '../../shared/template';
import { configuredTemplates } from '../utils/email-templates';
import { sampleValues } from '../services/passwordless-mailer';
import { checkAccess, checkTemplates, type Problem } from './validation/passwordless-admin';
import type { AccessResponse, StatsResponse, TemplatesResponse, TestEmailResponse } from '../../shared/admin-api';

interface AdminUser {
  id: number;
  email: string;
  firstname?: string | null;
  username?: string | null;
}

/**
 * The admin page's routes (routes/admin/passwordless). Who may call which is decided by
 * users-permissions' own admin permissions, in the routes' policies.
 */
export default {
  async status(ctx: Context): Promise<void> {
    const admin = ctx.state.user as AdminUser;
    ctx.body = await getService('passwordless-status').describe({ adminEmail: admin.email });
  },

  async stats(ctx: Context): Promise<void> {
    const body: StatsResponse = { hours: await getService('passwordless-stats').lastDay() };
    ctx.body = body;
  },

  /** The code email to the signed-in admin, through the real provider, one attempt. */
  async testEmail(ctx: Context): Promise<void> {
    const { locale } = (ctx.request.body ?? {}) as { locale?: unknown };
    if (locale !== undefined && !isLocaleTag(locale)) {
      throw new errors.ValidationError('locale must be a locale tag such as fr or pt-BR', { code: ERROR_CODES.INVALID_BODY });
    }
    const admin = ctx.state.user as AdminUser;
    const wait = await getService('passwordless-limits').limitTestEmail({ adminId: admin.id });
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      return respondWithError(ctx, 429, 'RateLimitError', 'Too many test emails, please try again later.', ADMIN_ERROR_CODES.TEST_EMAIL_RATE_LIMITED);
    }
    const to = { email: admin.email, username: admin.firstname ?? admin.username ?? '' };
    const mailer = getService('passwordless-mailer');
    // Composed outside the try: only the provider's own failure is reported as one.
    const message = await mailer.composeTest({ to, locale: locale as string | undefined });
    try {
      await mailer.deliverTest(message);
    } catch (error) {
      // The admin asked to see exactly this: the provider's own words (bounded).
      const reason = error instanceof Error ? error.message : String(error);
      return respondWithError(ctx, 502, 'EmailProviderError', reason.slice(0, 1000), ADMIN_ERROR_CODES.EMAIL_PROVIDER_FAILED);
    }
    const body: TestEmailResponse = { sent: true, to: admin.email };
    ctx.body = body;
  },

  async getTemplates(ctx: Context): Promise<void> {
    ctx.body = await templatesResponse();
  },

  async updateTemplates(ctx: Context): Promise<void> {
    const config = getService('passwordless-settings').get();
    if (!config.email.editableInAdmin) {
      return locked(ctx, 'Email templates are set in config (email.editableInAdmin: false)', ADMIN_ERROR_CODES.TEMPLATES_LOCKED);
    }
    const { value, problems } = checkTemplates(ctx.request.body, { linkUrl: config.linkUrl });
    if (problems.length > 0) {
      throw refused(problems, { code: ADMIN_ERROR_CODES.INVALID_TEMPLATE });
    }
    await getService('passwordless-admin-settings').saveTemplates(value);
    ctx.body = await templatesResponse();
  },

  async getAccess(ctx: Context): Promise<void> {
    ctx.body = await accessResponse();
  },

  async updateAccess(ctx: Context): Promise<void> {
    const { access } = getService('passwordless-settings').get();
    if (!access.editableInAdmin) {
      return locked(ctx, 'Access lists are set in config (access.editableInAdmin: false)', ADMIN_ERROR_CODES.ACCESS_LOCKED);
    }
    const { value, problems, invalid } = checkAccess(ctx.request.body);
    if (problems.length === 0 && access.allow.length > 0 && value.allow.length > 0) {
      throw new errors.ValidationError('Config restricts sign-in to its own allow list (access.allow): add deny entries only', {
        code: ADMIN_ERROR_CODES.ALLOW_LIST_IN_CONFIG,
        entries: value.allow,
      });
    }
    if (problems.length > 0) {
      throw refused(problems, { code: ADMIN_ERROR_CODES.INVALID_ACCESS_ENTRY, entries: invalid });
    }
    await getService('passwordless-admin-settings').saveAccess(value);
    ctx.body = await accessResponse();
  },
};

/** Every problem in the message, and as `details.errors` ({ path, message }) for the page to place by field. */
function refused(problems: Problem[], details: { code: AdminErrorCode; entries?: string[] }): errors.ValidationError {
  const message = problems.map(({ path, message: reason }) => `${path} ${reason}`.trim()).join('; ');
  return new errors.ValidationError(message, { ...details, errors: problems });
}

/** Written, not thrown: Strapi turns a ForbiddenError from a handler into a bare 403 without details.code. */
function locked(ctx: Context, message: string, code: AdminErrorCode): void {
  respondWithError(ctx, 403, 'ForbiddenError', message, code);
}

async function templatesResponse(): Promise<TemplatesResponse> {
  const { email } = getService('passwordless-settings').get();
  const { templates } = await getService('passwordless-admin-settings').current();
  const configured = configuredTemplates(email);
  return {
    editable: email.editableInAdmin,
    placeholders: [...TEMPLATE_PLACEHOLDERS],
    sample: sampleValues(),
    configured,
    saved: templates.value,
    updatedAt: templates.updatedAt,
  };
}

async function accessResponse(): Promise<AccessResponse> {
  const { access } = getService('passwordless-settings').get();
  const saved = (await getService('passwordless-admin-settings').current()).access;
  return {
    editable: access.editableInAdmin,
    configured: { allow: access.allow, deny: access.deny },
    saved: saved.value,
    updatedAt: saved.updatedAt,
  };
}
