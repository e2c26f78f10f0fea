/**
 * Which template part an email uses, for the server (mailer) and the admin page
 * (preview, placeholders) alike, so the preview cannot drift from the email. Part by
 * part, the most specific non-empty one wins: the exact locale tag, then its language
 * (fr-CA → fr), then the default; at each level the admin's saved part over config's.
 */
import type { TemplateParts } from './admin-api';

type Parts = Partial<TemplateParts>;

export interface TemplateSources {
  configured: { default: Parts; locales: Record<string, Parts> };
  saved: { default: Parts; locales: Record<string, Parts> };
}

/** The sets that apply to `locale`, least specific first. */
export function templateLayers({ configured, saved }: TemplateSources, locale: string | undefined): Parts[] {
  const layers: Parts[] = [configured.default, saved.default];
  if (!locale) return layers;
  const exact = locale.toLowerCase();
  const language = exact.split('-')[0];
  for (const tag of language === exact ? [exact] : [language, exact]) {
    layers.push(byTag(configured.locales, tag), byTag(saved.locales, tag));
  }
  return layers;
}

/** Each part from the most specific layer that sets it (an empty string sets nothing). */
export function mergeLayers(layers: Parts[]): Parts {
  const merged: Parts = {};
  for (const layer of layers) {
    for (const part of ['subject', 'text', 'html'] as const) {
      const text = layer[part];
      if (typeof text === 'string' && text !== '') merged[part] = text;
    }
  }
  return merged;
}

/** Locale keys compare without case (`FR` is `fr`). */
function byTag(locales: Record<string, Parts>, tag: string): Parts {
  for (const [key, parts] of Object.entries(locales)) if (key.toLowerCase() === tag) return parts;
  return {};
}
