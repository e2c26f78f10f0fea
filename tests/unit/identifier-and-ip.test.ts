import { normalizeIdentifier } from '../../src/extensions/users-permissions/utils/identifier';
import { clientIpKey, resolveClientIp } from '../../src/extensions/users-permissions/utils/client-ip';

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

describe('resolveClientIp', () => {
  const socket = '10.0.0.5';
  it.each([
    ['no proxy: X-Forwarded-For is ignored', false, 1, '198.51.100.1', socket],
    ['proxy, 1 hop: the entry the load balancer appended', true, 1, '198.51.100.1, 203.0.113.9', '203.0.113.9'],
    ['proxy, 1 hop: a forged leftmost entry changes nothing', true, 1, 'forged, 203.0.113.9', '203.0.113.9'],
    ['proxy, 2 hops: CDN then load balancer', true, 2, 'forged, 203.0.113.9, 192.0.2.1', '203.0.113.9'],
    ['proxy, more hops than entries: the leftmost', true, 3, '203.0.113.9', '203.0.113.9'],
    ['proxy, no header: the socket', true, 1, undefined, socket],
    ['proxy, empty header: the socket', true, 1, ' , ', socket],
  ])('%s', (_label, proxy, trustedHops, forwardedFor, expected) => {
    expect(resolveClientIp({ proxy, trustedHops, forwardedFor, remoteAddress: socket })).toBe(expected);
  });
});
