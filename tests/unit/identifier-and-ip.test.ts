import { normalizeIdentifier } from '../../packages/strapi-passwordless-login/src/server/utils/identifier';
import { clientIpKey, resolveClientIp } from '../../packages/strapi-passwordless-login/src/server/utils/client-ip';

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

// Issue 10, item 8: proxies that append `ip:port` (Azure App Service, some ingress
// controllers) gave every connection a fresh per-IP bucket, because each port made a new key.
describe('clientIpKey: X-Forwarded-For entry forms share the bucket of their address', () => {
  it.each([
    ['IPv4 with a port', '203.0.113.7:5555', '203.0.113.7'],
    ['IPv4 with another port', '203.0.113.7:6666', '203.0.113.7'],
    ['IPv4 with a port, padded', ' 203.0.113.7:5555 ', '203.0.113.7'],
    ['bracketed IPv6', '[2001:db8::1]', '2001:db8:0:0::/64'],
    ['bracketed IPv6 with a port', '[2001:db8::1]:443', '2001:db8:0:0::/64'],
    ['bracketed IPv6 in the same /64, another port', '[2001:db8::2]:8080', '2001:db8:0:0::/64'],
    ['IPv6 in upper case with leading zeros', '2001:DB8:0001:0002::1', '2001:db8:1:2::/64'],
    ['IPv4-mapped IPv6, dotted', '::ffff:203.0.113.7', '203.0.113.7'],
    ['IPv4-mapped IPv6, upper case', '::FFFF:203.0.113.7', '203.0.113.7'],
    ['IPv4-mapped IPv6, hex', '::ffff:cb00:7107', '203.0.113.7'],
    ['IPv4-mapped IPv6, bracketed with a port', '[::ffff:203.0.113.7]:1234', '203.0.113.7'],
    ['IPv6 with a zone id', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['bracketed IPv6 with a zone id and a port', '[fe80::1%eth0]:80', 'fe80:0:0:0::/64'],
    ['IPv4-mapped IPv6 with a zone id', '::ffff:203.0.113.7%lo', '203.0.113.7'],
  ])('%s: %j → %j', (_label, entry, key) => {
    expect(clientIpKey(entry)).toBe(key);
  });

  // Whatever a broken proxy (or a client, when PROXY_HOPS counts too far) writes, garbage
  // must land in one shared bucket: a key per distinct string would be a bucket per request.
  it.each([
    'garbage',
    'unknown',
    'garbage-2',
    '203.0.113.7:port',
    '203.0.113.7:1:2',
    '999.0.113.7',
    '203.000.113.7',
    '3405803783',
    '[2001:db8::1',
    '2001:db8::1]:80',
    '2001:db8:1:2:3:4:5:6:7',
  ])('garbage %j → the one shared key "unknown"', (entry) => {
    expect(clientIpKey(entry)).toBe('unknown');
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
