/**
 * The package's README is the repository's, generated at pack time so there is one
 * source: sections between `<!-- repo-only -->` and `<!-- /repo-only -->` (how to work
 * on this repository) are dropped, and links into the repository become absolute-free
 * text, since npm shows the file without the files it links to.
 */
const fs = require('node:fs');
const path = require('node:path');

const source = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
const readme = source
  .replace(/<!-- repo-only -->[\s\S]*?<!-- \/repo-only -->\n?/g, '')
  .replace(/!\[([^\]]*)\]\((?!https?:)[^)]+\)\n?/g, '')
  .replace(/\[([^\]]+)\]\((?!https?:|#)[^)]+\)/g, '$1 (in the repository)');
fs.writeFileSync(path.join(__dirname, '../README.md'), readme);
