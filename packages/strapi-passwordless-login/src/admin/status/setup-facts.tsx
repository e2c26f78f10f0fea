import { Flex, Typography } from '@strapi/design-system';

import type { StatusResponse } from '../../shared/admin-api';
import type { Translate } from '../use-messages';
import { FactList, type Fact } from './fact-list';
import { jwtFacts } from './jwt-facts';

/** The configuration as the server resolved it: what an operator checks first. */
export function SetupFacts({ status, t }: { status: StatusResponse; t: Translate }): JSX.Element {
  const yesNo = (value: boolean): string => t(value ? 'yes' : 'no');
  const { secret, email, signUp, cookie } = status;
  const facts: Fact[] = [
    {
      label: t('status.secret'),
      value: (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography>{t(secret.configured ? 'status.secret.set' : 'status.secret.derived')}</Typography>
          {secret.problem ? <Typography textColor="danger600">{secret.problem}</Typography> : null}
        </Flex>
      ),
    },
    {
      label: t('status.email'),
      value:
        email.delivery === 'provider'
          ? t('status.email.provider', { provider: email.provider ?? '?' })
          : t('status.email.log'),
    },
    { label: t('status.email.from'), value: email.from ?? t('none') },
    ...(email.replyTo ? [{ label: t('status.email.reply-to'), value: email.replyTo }] : []),
    {
      label: t('status.sign-up'),
      value: (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography>
            {signUp.enabled ? t('status.sign-up.on', { count: signUp.emailsPerHour }) : t('status.sign-up.off')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('status.sign-up.setting', { setting: String(signUp.setting), allowRegister: yesNo(signUp.allowRegister) })}
          </Typography>
        </Flex>
      ),
    },
    ...jwtFacts(status.jwt, t),
    { label: t('status.link-url'), value: status.linkUrl ?? t('status.link-url.none') },
    // This extension's JWT cookie exists in legacy mode only (refused at boot in refresh
    // mode, where users-permissions' refresh cookie is the one, shown above).
    ...(status.jwt.mode === 'refresh'
      ? []
      : [
          {
            label: t('status.cookie'),
            value: cookie.enabled
              ? t('status.cookie.on', { name: cookie.name, secure: yesNo(cookie.secure), sameSite: cookie.sameSite })
              : t('status.cookie.off'),
          },
        ]),
    ...(cookie.enabled ? [{ label: t('status.cookie.origins'), value: cookie.origins.join(', ') || t('none') }] : []),
    { label: t('status.counters'), value: t(status.counters === 'redis' ? 'status.counters.redis' : 'status.counters.database') },
  ];
  return <FactList facts={facts} />;
}
