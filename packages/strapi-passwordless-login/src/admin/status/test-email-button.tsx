import { useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Mail } from '@strapi/icons';

import type { TestEmailResponse } from '../../shared/admin-api';
import { useAdminApi } from '../api/client';
import { readApiError } from '../api/errors';
import { API } from '../api/paths';
import { Notice } from '../notice';
import type { Translate } from '../use-messages';

type Outcome = { kind: 'sent'; to: string } | { kind: 'failed'; message: string } | null;

/**
 * Sends the real code email to the signed-in admin. The outcome stays on the page as
 * well as in a notification: a provider's error is what the operator needs to copy.
 */
export function TestEmailButton({ adminEmail, t }: { adminEmail: string; t: Translate }): JSX.Element {
  const { client, notify } = useAdminApi();
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const send = async (): Promise<void> => {
    setSending(true);
    setOutcome(null);
    try {
      const { data } = await client.post<TestEmailResponse>(API.testEmail, {});
      setOutcome({ kind: 'sent', to: data.to });
      notify({ type: 'success', message: t('status.test-email.sent', { to: data.to }) });
    } catch (thrown) {
      const { message } = readApiError(thrown);
      setOutcome({ kind: 'failed', message });
      notify({ type: 'error', message: t('status.test-email.failed', { message }) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={3} wrap="wrap">
        <Button variant="secondary" startIcon={<Mail />} loading={sending} onClick={send}>
          {t('status.test-email')}
        </Button>
        <Typography variant="pi" textColor="neutral600">
          {t('status.test-email.hint', { email: adminEmail })}
        </Typography>
      </Flex>
      {outcome?.kind === 'sent' ? (
        <Notice variant="success" testId="passwordless-test-email-result" title={t('status.test-email.sent', { to: outcome.to })} />
      ) : null}
      {outcome?.kind === 'failed' ? (
        <Notice variant="danger" testId="passwordless-test-email-result" title={t('status.test-email.failed', { message: outcome.message })} />
      ) : null}
    </Flex>
  );
}
