import type { Strapi } from '../utils/strapi-types';
import { getService } from '../utils/get-service';
import { DEFAULT_CONFIG } from '../config/defaults';
import { describeSecretWeakness } from '../config/secret-strength';
import type { RateWindow } from '../config/types';
import { ACTION_NAMES, actionUid } from '../utils/actions';
import type { StatusResponse } from '../../shared/admin-api';
import { ROLE_UID } from '../utils/uids';
import { platform } from '../platform';
import { describeJwtSettings } from '../utils/jwt-settings';

/** Limits shown read-only on the admin page, by their config key. */
const LIMIT_KEYS = [
  'code.length',
  'code.ttlSeconds',
  'code.maxAttempts',
  'limits.identifierCooldownSeconds',
  'limits.identifierPerHour',
  'limits.failureBudget',
  'limits.failureWindowSeconds',
  'limits.lockSeconds',
  'limits.maxConsecutiveFailures',
  'limits.ipRequest',
  'limits.ipVerify',
  'limits.trustedProxyHops',
  'signUp.emailsPerHour',
  'trustedServers.request',
  'trustedServers.verify',
] as const;

const at = (config: object, key: string): unknown =>
  key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], config);

const isWindow = (value: unknown): value is RateWindow => typeof value === 'object' && value !== null && 'points' in value;
const show = (value: unknown): string => (isWindow(value) ? `${value.points} per ${value.durationSeconds} s` : String(value));

/** What the admin page's status panel shows: read from config, the stores and the roles. */
export default ({ strapi }: { strapi: Strapi }) => ({
  async describe({ adminEmail }: { adminEmail: string }): Promise<StatusResponse> {
    const config = getService('passwordless-settings').get();
    const emailPlugin = (platform().pluginConfig('email', '') ?? {}) as { provider?: string; settings?: { defaultFrom?: string; defaultReplyTo?: string } };
    const signup = getService('passwordless-signup');
    return {
      secret: {
        configured: Boolean(config.secret),
        problem: config.secret
          ? describeSecretWeakness(config.secret)
          : 'not set: a key derived from APP_KEYS is used, which production refuses (set PASSWORDLESS_SECRET)',
      },
      email: {
        delivery: config.email.delivery,
        provider: emailPlugin.provider ?? null,
        from: config.email.from ?? emailPlugin.settings?.defaultFrom ?? null,
        replyTo: config.email.replyTo ?? emailPlugin.settings?.defaultReplyTo ?? null,
        adminEmail,
      },
      roles: await this.roles(),
      signUp: {
        setting: config.signUp.enabled,
        allowRegister: await signup.allowRegister(),
        enabled: await signup.isOpen(),
        emailsPerHour: config.signUp.emailsPerHour,
      },
      linkUrl: config.linkUrl ?? null,
      cookie: {
        enabled: config.cookie.enabled,
        name: config.cookie.name,
        secure: config.cookie.secure,
        sameSite: config.cookie.sameSite,
        origins: config.cookie.origins,
      },
      jwt: describeJwtSettings(),
      counters: config.redis.url ? 'redis' : 'database',
      limits: LIMIT_KEYS.map((key) => {
        const value = at(config, key);
        return { key, value: show(value), source: show(value) === show(at(DEFAULT_CONFIG, key)) ? 'default' : 'config' };
      }),
      editable: { templates: config.email.editableInAdmin, access: config.access.editableInAdmin },
    };
  },

  /** Every role, with the passwordless actions ticked for it in Settings → Roles. */
  async roles(): Promise<StatusResponse['roles']> {
    const roles: Array<{ id: number; name: string; type: string }> = await strapi.db
      .query(ROLE_UID)
      .findMany({ select: ['id', 'name', 'type'], orderBy: { id: 'asc' } });
    const permissions: Array<{ action: string; role?: { id: number } | null }> = await strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { action: { $in: ACTION_NAMES.map(actionUid) } }, populate: ['role'] });
    return roles.map((role) => ({
      id: role.id,
      name: role.name,
      type: role.type,
      actions: ACTION_NAMES.filter((action) =>
        permissions.some((permission) => permission.role?.id === role.id && permission.action === actionUid(action))
      ),
    }));
  },
});
