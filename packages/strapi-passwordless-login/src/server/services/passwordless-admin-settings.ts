import type { Strapi } from '../utils/strapi-types';
import { getService } from '../utils/get-service';
import type { AccessListsBody, TemplateParts, TemplateSet } from '../../shared/admin-api';
import { checkTemplates } from '../controllers/validation/passwordless-admin';

// Other instances see an admin's change within this long; the saving instance at once.
// It keeps the store read off the verify path: one read per 5 s, not one per request.
const CACHE_MS = 5_000;

export type SavedTemplates = TemplateSet<Partial<TemplateParts>>;

interface Saved<T> {
  value: T;
  updatedAt: string | null;
}

export interface AdminSettings {
  templates: Saved<SavedTemplates>;
  access: Saved<AccessListsBody>;
}

const EMPTY: AdminSettings = {
  templates: { value: { default: {}, locales: {} }, updatedAt: null },
  access: { value: { allow: [], deny: [] }, updatedAt: null },
};

/**
 * What admins saved on the Passwordless login page: email templates and extra allow/deny
 * entries, in Strapi's core store beside users-permissions' own `email` and `advanced`
 * settings (the database: shared by every instance). Two keys, so saving one part never
 * overwrites a concurrent save of the other.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'users-permissions' });
  let cached: { at: number; value: Promise<AdminSettings> } | undefined;
  const now = () => getService('passwordless-clock').now();

  let warnedAbout: string | null = null;
  /**
   * Saved templates as the current checks accept them: a part saved under earlier,
   * weaker rules (or written to the store by other means) is not used, and the log says
   * which, once per save.
   */
  const usable = (saved: Saved<SavedTemplates>): Saved<SavedTemplates> => {
    const { value, problems } = checkTemplates(saved.value, { linkUrl: getService('passwordless-settings').get().linkUrl });
    if (problems.length > 0 && warnedAbout !== saved.updatedAt) {
      warnedAbout = saved.updatedAt;
      strapi.log.warn(
        `[passwordless] saved email template parts ignored, refused by the current template checks: ${problems
          .map((problem) => `${problem.path} ${problem.message}`)
          .join('; ')}. Fix them in Settings → Users & Permissions → Passwordless login.`
      );
    }
    return { ...saved, value };
  };

  const read = async (): Promise<AdminSettings> => {
    const [templates, access] = await Promise.all([
      store().get({ key: 'passwordless-templates' }) as Promise<Saved<SavedTemplates> | null>,
      store().get({ key: 'passwordless-access' }) as Promise<Saved<AccessListsBody> | null>,
    ]);
    return { templates: templates ? usable(templates) : EMPTY.templates, access: access ?? EMPTY.access };
  };

  return {
    /** The saved settings as of at most CACHE_MS ago, ignoring parts config locks. */
    async current(): Promise<AdminSettings> {
      if (!cached || now() - cached.at >= CACHE_MS) {
        const value = read();
        cached = { at: now(), value };
        // A failed read is not kept: the next caller tries again.
        value.catch(() => {
          if (cached?.value === value) cached = undefined;
        });
      }
      const saved = await cached.value;
      const { email, access } = getService('passwordless-settings').get();
      return {
        templates: email.editableInAdmin ? saved.templates : EMPTY.templates,
        access: access.editableInAdmin ? saved.access : EMPTY.access,
      };
    },

    async saveTemplates(value: SavedTemplates): Promise<void> {
      await store().set({ key: 'passwordless-templates', value: { value, updatedAt: new Date(now()).toISOString() } });
      cached = undefined;
    },

    async saveAccess(value: AccessListsBody): Promise<void> {
      await store().set({ key: 'passwordless-access', value: { value, updatedAt: new Date(now()).toISOString() } });
      cached = undefined;
    },
  };
};
