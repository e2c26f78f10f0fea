import type { Strapi } from '../utils/strapi-types';
import { getService } from '../utils/get-service';
import { grantPublicOnce } from './grant-public';
import { subscribeUserLifecycles } from './user-lifecycles';
import { subscribePermissionLifecycles } from './permission-lifecycles';
import { warnWithoutEmailProvider } from './check-email-provider';
import { explainRegisterWarning } from './explain-register-warning';
import { countActivity } from './count-activity';
import { warnInsecureRefreshCookie } from '../config/session-mode';
import { warnOnSecondStrapiUtils } from './check-strapi-utils';

/** Tables exist now: counters, decoy rows, the Public grant and the cleanup cron. */
export async function bootstrapPasswordless({ strapi }: { strapi: Strapi }): Promise<void> {
  warnInsecureRefreshCookie(strapi);
  warnOnSecondStrapiUtils(strapi);
  subscribeUserLifecycles(strapi);
  warnWithoutEmailProvider(strapi);
  explainRegisterWarning(strapi);
  await getService('passwordless-limits').init();
  subscribePermissionLifecycles(strapi);
  countActivity(strapi);
  await getService('passwordless-challenge').prepareDecoys();
  const { grantPublic, cleanup } = getService('passwordless-settings').get();
  if (grantPublic) await grantPublicOnce(strapi);
  // Every instance runs it; the deletes are idempotent, so overlapping runs are harmless.
  strapi.cron.add({
    'passwordless-cleanup': {
      task: () => getService('passwordless').removeStale(),
      options: `*/${cleanup.intervalMinutes} * * * *`,
    },
  });
}
