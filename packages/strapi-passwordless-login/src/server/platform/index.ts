/**
 * The platform (platform/types) this process runs on: chosen once, when withPasswordless
 * runs, from the Strapi that loads the extension.
 */
import type { Platform } from './types';
import { strapiV4 } from '../strapi-v4/platform';
import { strapiV5 } from '../strapi-v5/platform';

/** The oldest Strapi 5 proven: the first whose generator turns refresh mode on, with stock logout `scope: 'all'`. */
export const MIN_STRAPI_5 = [5, 50, 2] as const;

let current: Platform | undefined;

export function choosePlatform(strapi: { config: { get(path: string): unknown } }): Platform {
  const version = String(strapi.config.get('info.strapi') ?? '');
  const [major, minor = 0, patch = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  if (major === 4) current = strapiV4;
  else if (major === 5 && compare([major, minor, patch], MIN_STRAPI_5) >= 0) current = strapiV5;
  else {
    throw new Error(
      `strapi-passwordless-login supports Strapi 4.15 to 4.x and Strapi ${MIN_STRAPI_5.join('.')} or newer; this project runs Strapi ${version || 'of an unknown version'}. ` +
        (major === 5 ? 'Upgrade Strapi: npx @strapi/upgrade minor.' : 'Use a supported Strapi.')
    );
  }
  return current;
}

/** The chosen platform; Strapi 4 before any choice (unit tests build services on a stand-in Strapi 4). */
export function platform(): Platform {
  return current ?? strapiV4;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
