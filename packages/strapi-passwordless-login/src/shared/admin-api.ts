/**
 * The admin page's API (routes under /users-permissions/passwordless/…, admin JWT),
 * typed once for the server's controllers and the page that calls them.
 */
import type { TemplateValues } from './template';

export interface TemplateParts {
  subject: string;
  text: string;
  html: string;
}

/** Templates as stored or as configured: the default set and one set per locale. */
export interface TemplateSet<T = TemplateParts> {
  default: T;
  locales: Record<string, T>;
}

/** GET /passwordless/status (advanced-settings.read). Read-only facts for the status panel. */
export interface StatusResponse {
  /** configured: PASSWORDLESS_SECRET is set; otherwise a key derived from APP_KEYS (refused in production). */
  secret: { configured: boolean; problem: string | null };
  email: {
    delivery: 'provider' | 'log';
    /** The email plugin's provider name (e.g. 'amazon-ses', 'sendmail'). */
    provider: string | null;
    from: string | null;
    replyTo: string | null;
    /** Where "Send me a test code email" goes: the signed-in admin's address. */
    adminEmail: string;
  };
  /** Every users-permissions role with the passwordless actions it has (empty: none). */
  roles: Array<{ id: number; name: string; type: string; actions: PasswordlessAction[] }>;
  signUp: {
    /** The config value: true, false or 'auto' (follows "Enable sign-ups"). */
    setting: boolean | 'auto';
    /** users-permissions' advanced setting "Enable sign-ups" (allow_register). */
    allowRegister: boolean;
    /** Whether an address with no account gets a code now. */
    enabled: boolean;
    emailsPerHour: number;
  };
  linkUrl: string | null;
  cookie: { enabled: boolean; name: string; secure: boolean; sameSite: string; origins: string[] };
  /**
   * How users-permissions issues the sign-in's tokens: JWTs only ('legacy': Strapi 4, and
   * Strapi 5's legacy-support) or sessions with refresh tokens (Strapi 5 `jwtManagement: 'refresh'`).
   */
  jwt: {
    mode: 'legacy' | 'refresh';
    /** Seconds (refresh mode's sessions.accessTokenLifespan, or a numeric jwt.expiresIn), or jwt.expiresIn as written ('30d'). */
    accessTokenLifetime: number | string;
    /** Refresh mode with sessions.httpOnly: the refresh token goes in users-permissions' HttpOnly cookie, not the body. */
    refreshCookie: boolean;
  };
  /** Where limit counters live. */
  counters: 'database' | 'redis';
  /** Read-only limits: key (as in config), value, and whether config set it or it is the default. */
  limits: Array<{ key: string; value: string; source: 'config' | 'default' }>;
  editable: { templates: boolean; access: boolean };
}

export type PasswordlessAction = 'passwordless' | 'passwordlessVerify' | 'logout';

/** One hour of activity, counted by every instance into one shared row per hour and event. */
export interface StatsHour {
  /** Start of the hour, ISO 8601 UTC. */
  hour: string;
  requested: number;
  succeeded: number;
  failed: number;
  locked: number;
  /** Requests and verifications refused by a rate limit (429): a flood shows here. */
  limited: number;
}

/** GET /passwordless/stats (advanced-settings.read): the last 24 hours, oldest first, 24 entries. */
export interface StatsResponse {
  hours: StatsHour[];
}

/** POST /passwordless/test-email (email-templates.read), body { locale?: string }. */
export interface TestEmailResponse {
  sent: true;
  to: string;
}

/** GET and PUT /passwordless/templates (email-templates.read / .update). */
export interface TemplatesResponse {
  /** false when config sets email.editableInAdmin: false (PUT then answers 403 TEMPLATES_LOCKED). */
  editable: boolean;
  placeholders: string[];
  /** Values the preview fills in: the server's own (expiry, app name, link shape). */
  sample: TemplateValues;
  /** From config: what applies where nothing is saved (a configured locale may set only some parts). */
  configured: TemplateSet<Partial<TemplateParts>> & { default: TemplateParts };
  /** Saved in the admin; a missing or empty part falls back to the configured one. */
  saved: TemplateSet<Partial<TemplateParts>>;
  updatedAt: string | null;
}

/** PUT /passwordless/templates body. */
export type TemplatesUpdate = TemplateSet<Partial<TemplateParts>>;

/** GET and PUT /passwordless/access (advanced-settings.read / .update). */
export interface AccessResponse {
  /** false when config sets access.editableInAdmin: false (PUT then answers 403 ACCESS_LOCKED). */
  editable: boolean;
  /** From config: always applied, not editable here. */
  configured: AccessListsBody;
  /** Added in the admin, applied on top of the configured entries (deny wins). */
  saved: AccessListsBody;
  updatedAt: string | null;
}

/** PUT /passwordless/access body: exact addresses and @domain entries. */
export interface AccessListsBody {
  allow: string[];
  deny: string[];
}
