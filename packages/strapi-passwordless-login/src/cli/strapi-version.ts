/**
 * Which Strapi a project runs, and whether init sets it up: Strapi 4, and Strapi 5 from
 * 5.50.2, the first create-strapi-app whose new projects run users-permissions in
 * refresh mode. Older 5.x refresh mode answers differently (no cookie refresh, no
 * `{ scope: 'all' }`, no sessions API), so those projects are refused with the upgrade.
 */
import type { StrapiMajor } from './types';

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** `5.50.2-beta.1` comes before `5.50.2`. */
  prerelease: boolean;
}

export const STRAPI_5_FLOOR: Version = { major: 5, minor: 50, patch: 2, prerelease: false };
const FLOOR_TEXT = '5.50.2';
const UPGRADE = 'npx @strapi/upgrade minor';

// One comparator's version: `4.26.2`, `^5.50.2`, `~4.25.1`, `>=5.0.0-beta.1`, `v4.1.0`, `5.x`, `5`.
// `>5.50.1` reads as 5.50.1: just below what it allows, so a floor check errs on refusing.
const COMPARATOR = /^(?:>=?|[\^~=v]|\s)*(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(-[0-9A-Za-z.-]+)?(?![\d.])/;

/**
 * The lowest version a package.json range allows, or undefined when it has no lower
 * bound init can read (`latest`, `*`, `workspace:*`, `<6`). For `a || b`, the lower of the two.
 */
export function lowestVersionOf(range: string): Version | undefined {
  let lowest: Version | undefined;
  for (const alternative of range.split('||')) {
    const match = COMPARATOR.exec(alternative.trim());
    if (!match) return undefined;
    const [, major, minor, patch, prerelease] = match;
    const version = { major: Number(major), minor: numberOr0(minor), patch: numberOr0(patch), prerelease: !!prerelease };
    if (!lowest || compareVersions(version, lowest) < 0) lowest = version;
  }
  return lowest;
}

function numberOr0(part: string | undefined): number {
  return part === undefined || /[xX*]/.test(part) ? 0 : Number(part);
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || Number(b.prerelease) - Number(a.prerelease);
}

export type Verdict = { kind: 'supported'; major: StrapiMajor } | { kind: 'refused'; message: string };

/** The installed version decides when there is one (it is what runs); else the range's lowest. */
export function judgeStrapiVersion(installed: string | undefined, range: string): Verdict {
  const fromInstalled = installed === undefined ? undefined : lowestVersionOf(installed);
  const version = fromInstalled ?? lowestVersionOf(range);
  if (version === undefined) {
    return refuse(
      `Cannot tell the Strapi version from "@strapi/strapi": "${range}". Install your dependencies and run init again.`
    );
  }
  const what = fromInstalled
    ? `This is a Strapi ${installed} project (the installed @strapi/strapi)`
    : `This is a Strapi ${version.major} project ("@strapi/strapi": "${range}")`;
  const supported = `strapi-passwordless-login supports Strapi 4 and Strapi 5 from ${FLOOR_TEXT}`;
  if (version.major === 4) return { kind: 'supported', major: 4 };
  if (version.major === 5) {
    if (compareVersions(version, STRAPI_5_FLOOR) >= 0) return { kind: 'supported', major: 5 };
    const below = fromInstalled ? '' : ` whose range allows versions below ${FLOOR_TEXT}`;
    return refuse(
      `${what}${below}; strapi-passwordless-login needs Strapi ${FLOOR_TEXT} or later on Strapi 5, the first release ` +
        `whose new projects run users-permissions in refresh mode. Upgrade with ${UPGRADE}, then run init again.`
    );
  }
  if (version.major > 5) return refuse(`${what}; ${supported}: Strapi ${version.major} is not supported yet.`);
  return refuse(`${what}; strapi-passwordless-login needs Strapi 4 or Strapi 5 (${FLOOR_TEXT} or later).`);
}

function refuse(message: string): Verdict {
  return { kind: 'refused', message };
}
