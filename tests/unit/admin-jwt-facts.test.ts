/** The status tab's JWT facts: the lifetime in the largest whole unit, a configured string as written. */
import { formatLifetime, jwtFacts } from '../../packages/strapi-passwordless-login/src/admin/status/jwt-facts';
import type { Translate } from '../../packages/strapi-passwordless-login/src/admin/use-messages';

// Echoes the key and values, so the test reads which message and which numbers, not wording.
const t: Translate = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);

describe('formatLifetime', () => {
  it.each([
    [600, 'status.jwt.minutes {"count":10}'],
    [86_400 * 30, 'status.jwt.days {"count":30}'],
    [7_200, 'status.jwt.hours {"count":2}'],
    [90, 'status.jwt.seconds {"count":90}'],
    ['30d', 'status.jwt.as-configured {"value":"30d"}'],
  ])('%p → %s', (lifetime, expected) => {
    expect(formatLifetime(lifetime, t)).toBe(expected);
  });
});

describe('jwtFacts', () => {
  it.each([
    [{ mode: 'legacy', accessTokenLifetime: '30d', refreshCookie: false }, ['status.jwt.legacy', 'status.jwt.refresh-cookie.none']],
    [{ mode: 'refresh', accessTokenLifetime: 600, refreshCookie: true }, ['status.jwt.refresh', 'status.jwt.refresh-cookie.on']],
    [{ mode: 'refresh', accessTokenLifetime: 600, refreshCookie: false }, ['status.jwt.refresh', 'status.jwt.refresh-cookie.off']],
  ] as const)('%j', (jwt, [mode, cookie]) => {
    const facts = jwtFacts(jwt, t);
    expect(facts.map((fact) => fact.label)).toEqual(['status.jwt', 'status.jwt.lifetime', 'status.jwt.refresh-cookie']);
    expect(facts[0].value).toBe(mode);
    expect(facts[2].value).toBe(cookie);
  });
});
