import challengeSchema from './passwordless-challenge/schema';

export default {
  'passwordless-challenge': { schema: challengeSchema },
};
