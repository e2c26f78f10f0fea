import { Flex, Loader } from '@strapi/design-system';

import type { ApiError } from './api/errors';
import { Notice } from './notice';
import type { Translate } from './use-messages';

/** What a panel shows before its data is there: a labelled loader, or the server's error. */
export function LoadState({ loading, error, t }: { loading: boolean; error: ApiError | null; t: Translate }): JSX.Element | null {
  if (loading) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('page.loading')}</Loader>
      </Flex>
    );
  }
  if (error) {
    return (
      <Notice variant="danger" title={t('page.load-error')}>
        {error.message}
      </Notice>
    );
  }
  return null;
}
