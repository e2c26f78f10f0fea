import challengeSchema from './passwordless-challenge/schema';
import statSchema from './passwordless-stat/schema';

export default {
  'passwordless-challenge': { schema: challengeSchema },
  'passwordless-stat': { schema: statSchema },
};
