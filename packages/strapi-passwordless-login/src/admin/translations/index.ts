/**
 * The `translations` an app passes to its admin config. Ids carry the `passwordless.`
 * prefix so they cannot collide with the admin's or another plugin's.
 */
import { en, type MessageKey } from './en';
import { fr } from './fr';

export const MESSAGE_PREFIX = 'passwordless.';

function prefixed(messages: Record<MessageKey, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([key, text]) => [MESSAGE_PREFIX + key, text]));
}

export const translations: Record<'en' | 'fr', Record<string, string>> = { en: prefixed(en), fr: prefixed(fr) };

export { en, fr, type MessageKey };
