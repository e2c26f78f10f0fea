import { digestSecret, digestsMatch, generateCode, limiterKey } from '../../packages/strapi-passwordless-login/src/server/utils/code';

const KEY = Buffer.from('k'.repeat(32));

describe('generateCode', () => {
  it.each([
    [6, 4217, '004217'],
    [6, 0, '000000'],
    [6, 999_999, '999999'],
    [8, 42, '00000042'],
    [10, 9_999_999_999, '9999999999'],
  ])('length %i, draw %i gives "%s" (leading zeros kept)', (length, draw, expected) => {
    expect(generateCode(length, () => draw)).toBe(expected);
  });

  it('asks the random source for the whole range [0, 10^length)', () => {
    const calls: Array<[number, number]> = [];
    generateCode(7, (min, max) => {
      calls.push([min, max]);
      return 0;
    });
    expect(calls).toEqual([[0, 10_000_000]]);
  });

  it('uses crypto.randomInt by default: 2,000 codes are 6 digits and not all alike', () => {
    const codes = Array.from({ length: 2000 }, () => generateCode(6));
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1900);
  });
});

describe('digestSecret (HMAC-SHA256)', () => {
  // Pinned: changing the message layout would invalidate every code in flight at deploy.
  it('matches the pinned vector', () => {
    expect(digestSecret(KEY, 'code', '42', '004217')).toBe(
      '995f95df07c3ffe1d3d65acf02510fb871c46baa6948d478b25f2625e467ec2b'
    );
  });

  it.each([
    ['another owner', ['code', '43', '004217']],
    ['another purpose', ['link', '42', '004217']],
    ['another code', ['code', '42', '004218']],
  ])('differs for %s', (_label, [purpose, owner, value]) => {
    expect(digestSecret(KEY, purpose, owner, value)).not.toBe(digestSecret(KEY, 'code', '42', '004217'));
  });

  it('depends on the key', () => {
    expect(digestSecret(Buffer.from('x'.repeat(32)), 'code', '42', '004217')).not.toBe(
      digestSecret(KEY, 'code', '42', '004217')
    );
  });
});

describe('digestsMatch', () => {
  const digest = digestSecret(KEY, 'code', '1', '123456');
  it.each([
    ['equal digests', digest, true],
    ['one nibble off', `${digest.slice(0, -1)}${digest.endsWith('0') ? '1' : '0'}`, false],
    ['shorter digest', digest.slice(0, 62), false],
    ['empty', '', false],
    ['not hex', 'z'.repeat(64), false],
  ])('%s → %s', (_label, candidate, expected) => {
    expect(digestsMatch(digest, candidate)).toBe(expected);
  });
});

describe('limiterKey', () => {
  it('is short, stable and reveals nothing of the value', () => {
    const key = limiterKey(KEY, 'id', 'alice@shop.test');
    expect(key).toHaveLength(32);
    expect(key).toBe(limiterKey(KEY, 'id', 'alice@shop.test'));
    expect(key).not.toContain('alice');
    expect(limiterKey(KEY, 'ip', 'alice@shop.test')).not.toBe(key);
  });
});
