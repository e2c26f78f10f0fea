import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { en, fr, MESSAGE_PREFIX, type MessageKey } from './translations';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * formatMessage with our own text as the default. The default follows the admin's
 * locale, so a French admin reads French even when the app did not register our
 * translations in its admin config (the registered ones still win when present).
 */
export function useMessages(): Translate {
  const { formatMessage, locale } = useIntl();
  const fallback = locale.toLowerCase().startsWith('fr') ? fr : en;
  return useCallback<Translate>(
    (key, values) => formatMessage({ id: MESSAGE_PREFIX + key, defaultMessage: fallback[key] }, values),
    [formatMessage, fallback],
  );
}
