import { normalizeIdentifier } from '../../src/extensions/users-permissions/utils/identifier';
import { clientIpKey } from '../../src/extensions/users-permissions/utils/client-ip';

describe('normalizeIdentifier', () => {
  it.each([
    ['  Alice@Shop.TEST ', 'alice@shop.test', true],
    ['alice@shop.test', 'alice@shop.test', true],
    ['ａｌｉｃｅ@shop.test', 'alice@shop.test', true], // full-width letters fold (NFKC)
    ['Bob', 'bob', false],
    ['  bob\t', 'bob', false],
  ])('%j → limit key %j (email: %s)', (raw, limitKey, isEmail) => {
    const id = normalizeIdentifier(raw);
    expect(id.limitKey).toBe(limitKey);
    expect(id.isEmail).toBe(isEmail);
  });

  it('keeps a username as typed for the lookup (users-permissions matches usernames exactly)', () => {
    expect(normalizeIdentifier(' Bob ').value).toBe('Bob');
  });
});

describe('clientIpKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['', 'unknown'],
  ])('%j → %j', (ip, key) => {
    expect(clientIpKey(ip)).toBe(key);
  });
});
