import * as path from 'node:path';
import type { Strapi } from '../utils/strapi-types';
import { platform } from '../platform';

/**
 * Strapi turns its errors into 4xx answers by `instanceof` against the @strapi/utils its
 * core loads; an error made with another copy's classes is a 500. A project gets a second
 * copy when npm hoists a newer Strapi release's next to an older project's (a fresh
 * create-strapi-app 5.50.2 project does: @strapi/plugin-cloud's peer @strapi/admin
 * resolves to the newest 5.x), and then this extension's 400s and 429s, and
 * users-permissions' own, answer 500. Said at boot, with the fix.
 */
export function warnOnSecondStrapiUtils(strapi: Strapi): void {
  const core = platform().corePackage;
  let ours: string;
  let strapis: string;
  try {
    ours = require.resolve('@strapi/utils');
    strapis = require.resolve('@strapi/utils', { paths: [path.dirname(require.resolve(`${core}/package.json`))] });
  } catch {
    return;
  }
  if (ours === strapis) return;
  const version = String(strapi.config.get('info.strapi') ?? '<your Strapi version>');
  strapi.log.warn(
    `[passwordless] Two copies of @strapi/utils: ${core} loads ${strapis}, this extension ${ours}. Errors made with one ` +
      'are 500s for the other (yours and users-permissions\' 4xx answers included). Pin them to your Strapi release in ' +
      `package.json and reinstall: "overrides": { "@strapi/utils": "${version}", "@strapi/admin": "${version}", "@strapi/data-transfer": "${version}" }.`
  );
}
