import { fakeStrapi } from '../helpers/fake-strapi';

const recipient = { email: 'bob@shop.test', username: '<i>bob</i>' };

afterEach(() => {
  delete (global as any).strapi;
});

describe('passwordless-mailer', () => {
  it('renders subject, text and escaped HTML and hands them to the email plugin', async () => {
    const fake = fakeStrapi({
      code: { ttlSeconds: 300 },
      email: {
        from: 'login@shop.test',
        replyTo: 'help@shop.test',
        subject: 'Code for <%= USER.email %>',
        text: '<%= CODE %> (<%= EXPIRES_IN_MINUTES %> min) <%= USER.username %>',
        html: '<b><%= CODE %></b> <%= USER.username %>',
      },
    });
    await fake.strapi.plugin('users-permissions').service('passwordless-mailer').sendCode({ to: recipient, code: '000123' });
    expect(fake.sent).toEqual([
      {
        to: 'bob@shop.test',
        from: 'login@shop.test',
        replyTo: 'help@shop.test',
        subject: 'Code for bob@shop.test',
        text: '000123 (5 min) <i>bob</i>',
        html: '<b>000123</b> &lt;i&gt;bob&lt;/i&gt;',
      },
    ]);
  });

  it('leaves from/replyTo to the email plugin defaults when unset', async () => {
    const fake = fakeStrapi();
    await fake.strapi.plugin('users-permissions').service('passwordless-mailer').sendCode({ to: recipient, code: '123456' });
    expect(Object.keys(fake.sent[0]).sort()).toEqual(['html', 'subject', 'text', 'to']);
  });

  it('gives up on a provider that never answers after timeoutMs', async () => {
    const fake = fakeStrapi({ email: { timeoutMs: 100, retries: 0 } });
    fake.setSend(() => new Promise(() => undefined));
    await expect(
      fake.strapi.plugin('users-permissions').service('passwordless-mailer').sendCode({ to: recipient, code: '123456' })
    ).rejects.toThrow('did not answer within 100 ms');
  });

  it('retries a failing provider a bounded number of times, then reports its reason', async () => {
    const fake = fakeStrapi({ email: { retries: 2, retryDelayMs: 1 } });
    let calls = 0;
    fake.setSend(async () => {
      calls += 1;
      throw new Error('Throttling: Maximum sending rate exceeded');
    });
    await expect(
      fake.strapi.plugin('users-permissions').service('passwordless-mailer').sendCode({ to: recipient, code: '123456' })
    ).rejects.toThrow('Maximum sending rate exceeded');
    expect(calls).toBe(3);
  });

  it('succeeds on a retry after a passing failure', async () => {
    const fake = fakeStrapi({ email: { retries: 2, retryDelayMs: 1 } });
    let calls = 0;
    fake.setSend(async (message) => {
      calls += 1;
      if (calls === 1) throw new Error('socket hang up');
      fake.sent.push(message);
    });
    await fake.strapi.plugin('users-permissions').service('passwordless-mailer').sendCode({ to: recipient, code: '123456' });
    expect(calls).toBe(2);
    expect(fake.sent).toHaveLength(1);
  });

  it('in log delivery writes the message to the log and calls no provider', async () => {
    const fake = fakeStrapi({ email: { delivery: 'log' } });
    await fake.strapi.plugin('users-permissions').service('passwordless-mailer').sendCode({ to: recipient, code: '654321' });
    expect(fake.sent).toHaveLength(0);
    expect(fake.logs).toHaveLength(1);
    expect(fake.logs[0].level).toBe('info');
    expect(fake.logs[0].message).toContain('654321');
  });
});

describe('passwordless-settings', () => {
  it('uses the configured secret as the HMAC key', () => {
    const secret = 'z'.repeat(40);
    const fake = fakeStrapi({ secret });
    expect(fake.strapi.plugin('users-permissions').service('passwordless-settings').secretKey()).toEqual(Buffer.from(secret));
  });

  it('outside production derives a key from APP_KEYS, different for different keys', () => {
    const keyFor = (keys: string[]) =>
      fakeStrapi({}, { 'server.app.keys': keys }).strapi.plugin('users-permissions').service('passwordless-settings').secretKey();
    expect(keyFor(['a', 'b'])).toHaveLength(32);
    expect(keyFor(['a', 'b'])).toEqual(keyFor(['a', 'b']));
    expect(keyFor(['a', 'b'])).not.toEqual(keyFor(['c', 'd']));
  });
});
