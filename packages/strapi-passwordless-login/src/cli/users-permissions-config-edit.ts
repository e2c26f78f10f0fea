/**
 * Strapi 5's generator already writes a 'users-permissions' entry (refresh mode, an
 * HttpOnly cookie). The passwordless block goes inside its `config` object, as that
 * object's first property, every other byte kept. The edit is made only when each
 * level (the returned object, the entry, its config) is an object literal whose keys
 * init can read: a spread or a computed key could set the same key again and hide
 * the block, and a second 'users-permissions' or `config` would leave it unclear which wins.
 */
import { insertAfterBrace, indentUnitOf, locateConfigFunction, type ConfigEdit } from './config-function';
import { lineEndingOf } from './files';
import { listProperties, objectValueOf } from './object-literal';
import { renderPasswordlessBlock } from './templates';
import type { Language } from './types';

type Braces = { open: number; close: number };

export function insertPasswordlessBlock(source: string, language: Language): ConfigEdit {
  const located = locateConfigFunction(source, language, { declarationsBefore: true });
  if (located.kind === 'refused') return located;
  const { found } = located;

  const entry = onlyObjectProperty(source, found, 'users-permissions', 'the returned object');
  if ('why' in entry) return refused(entry.why);
  const config = onlyObjectProperty(source, entry, 'config', "'users-permissions'");
  if ('why' in config) return refused(config.why);
  const properties = listProperties(source, config.open, config.close);
  if (!properties || properties.some(({ key }) => key === null)) {
    return refused("its 'users-permissions' config has a spread, computed or method property init cannot see through");
  }

  const body = source.slice(config.open + 1, config.close);
  // The first property's own line gives the block its indentation.
  const propertyIndent = /^[ \t]*\r?\n([ \t]*)\S/.exec(body);
  if (!propertyIndent) return refused("its 'users-permissions' config is not written one property per line");
  const eol = lineEndingOf(source);
  const unit = indentUnitOf(source.slice(found.open + 1, found.close));
  const lines = renderPasswordlessBlock({ unit, depth: 0, eol })
    .split(eol)
    .map((line) => propertyIndent[1] + line)
    .join(eol);
  return insertAfterBrace(source, found, { open: config.open, close: config.close, lines });
}

/** The braces of the one property `key` of the object in `braces`, when its value is an object literal. */
function onlyObjectProperty(source: string, braces: Braces, key: string, where: string): Braces | { why: string } {
  const properties = listProperties(source, braces.open, braces.close);
  if (!properties || properties.some((property) => property.key === null)) {
    return { why: `${where} has a spread, computed or method property init cannot see through` };
  }
  const matches = properties.filter((property) => property.key === key);
  if (matches.length !== 1) return { why: `${where} has ${matches.length === 0 ? 'no' : 'more than one'} '${key}' key` };
  const value = objectValueOf(source, matches[0]);
  return value ?? { why: `its '${key}' value is not an object literal` };
}

function refused(why: string): ConfigEdit {
  return { kind: 'refused', why };
}
