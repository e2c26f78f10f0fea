import { describeError } from '../../packages/strapi-passwordless-login/src/server/utils/describe-error';

describe('describeError (what may reach the logs)', () => {
  it.each([
    [
      'a knex error with the statement and its bindings',
      Object.assign(new Error("select `id` from `up_users` where `email` = 'alice@shop.test' - SQLITE_BUSY: database is locked"), {
        code: 'SQLITE_BUSY',
      }),
      'Error SQLITE_BUSY: SQLITE_BUSY: database is locked',
    ],
    ['a driver message quoting an address', new Error('duplicate key value (email)=(bob@shop.test)'), 'Error: duplicate key value (email)=([address])'],
    ['a connection error', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'Error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432'],
    ['a string', 'carol@shop.test went away', '[address] went away'],
    ['anything else', { email: 'dave@shop.test' }, 'unknown error'],
  ])('%s', (_label, error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});
