import passwordless from './passwordless';
import adminSettings from './passwordless-admin-settings';
import challenge from './passwordless-challenge';
import clock from './passwordless-clock';
import limits from './passwordless-limits';
import mailer from './passwordless-mailer';
import sessions from './passwordless-sessions';
import settings from './passwordless-settings';
import signup from './passwordless-signup';
import stats from './passwordless-stats';
import status from './passwordless-status';

export default {
  passwordless,
  'passwordless-admin-settings': adminSettings,
  'passwordless-challenge': challenge,
  'passwordless-clock': clock,
  'passwordless-limits': limits,
  'passwordless-mailer': mailer,
  'passwordless-sessions': sessions,
  'passwordless-settings': settings,
  'passwordless-signup': signup,
  'passwordless-stats': stats,
  'passwordless-status': status,
};
