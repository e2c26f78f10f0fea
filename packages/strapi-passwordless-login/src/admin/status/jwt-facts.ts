import type { StatusResponse } from '../../shared/admin-api';
import type { Translate } from '../use-messages';
import type { Fact } from './fact';

const UNITS = [
  { seconds: 86_400, key: 'status.jwt.days' },
  { seconds: 3_600, key: 'status.jwt.hours' },
  { seconds: 60, key: 'status.jwt.minutes' },
  { seconds: 1, key: 'status.jwt.seconds' },
] as const;

/** 600 → "10 minutes"; a string is jsonwebtoken's notation as configured ('30d'), shown as written. */
export function formatLifetime(lifetime: number | string, t: Translate): string {
  if (typeof lifetime === 'string') return t('status.jwt.as-configured', { value: lifetime });
  const unit = UNITS.find(({ seconds }) => lifetime % seconds === 0) ?? UNITS[UNITS.length - 1];
  return t(unit.key, { count: lifetime / unit.seconds });
}

/** The JWT mode users-permissions runs in, as a storefront developer needs to know it. */
export function jwtFacts(jwt: StatusResponse['jwt'], t: Translate): Fact[] {
  const refresh = jwt.mode === 'refresh';
  return [
    { label: t('status.jwt'), value: t(refresh ? 'status.jwt.refresh' : 'status.jwt.legacy') },
    { label: t('status.jwt.lifetime'), value: formatLifetime(jwt.accessTokenLifetime, t) },
    {
      label: t('status.jwt.refresh-cookie'),
      value: t(!refresh ? 'status.jwt.refresh-cookie.none' : jwt.refreshCookie ? 'status.jwt.refresh-cookie.on' : 'status.jwt.refresh-cookie.off'),
    },
  ];
}
