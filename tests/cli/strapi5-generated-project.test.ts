/**
 * init in a project exactly as create-strapi-app 5.54.0 generates it (JavaScript and
 * TypeScript): what it writes, what it skips, what it prints, and that a second run and
 * a dry run write nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ENV_5_54, ENV_EXAMPLE_5_54 } from './fixtures-strapi5';
import { GITIGNORE_5_54 } from './fixtures-strapi5-gitignore';
import { makeProject, read, removeProjects, runCli, snapshot } from './project-fixture';
import { makeStrapi5Project } from './strapi5-project';

const SHIMS = {
  js: "const { withPasswordless } = require('strapi-passwordless-login');\n\nmodule.exports = (plugin) => withPasswordless(plugin);\n",
  ts: "import { withPasswordless } from 'strapi-passwordless-login';\n\nexport default (plugin: any) => withPasswordless(plugin);\n",
};

afterEach(removeProjects);

describe.each(['js', 'ts'] as const)('a freshly generated 5.54.0 project (%s)', (language) => {
  it('every step applied, then everything in place', async () => {
    const root = makeStrapi5Project(language);
    const first = await runCli(root);

    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`^Strapi 5\\.54\\.0 project \\(${language === 'ts' ? 'TypeScript' : 'JavaScript'}\\)`));
    expect(first.out.match(/^(created|updated) +(\S+):/gm)).toEqual([
      expect.stringMatching(`created +src/extensions/users-permissions/strapi-server.${language}:`),
      expect.stringMatching(`updated +config/plugins.${language}:`),
      expect.stringMatching(/updated +\.env:/),
      expect.stringMatching(/updated +\.env\.example:/),
      expect.stringMatching(`created +src/admin/app.${language === 'ts' ? 'tsx' : 'js'}:`),
    ]);
    expect(read(root, `src/extensions/users-permissions/strapi-server.${language}`).endsWith(SHIMS[language])).toBe(true);
    expect(read(root, '.env').startsWith(ENV_5_54)).toBe(true);
    expect(read(root, '.env')).toMatch(/\nPASSWORDLESS_SECRET=\S{64}\nPASSWORDLESS_EMAIL_DELIVERY=log\n$/);
    expect(read(root, '.env.example')).toBe(
      `${ENV_EXAMPLE_5_54}# Passwordless login (strapi-passwordless-login)\nPASSWORDLESS_SECRET=\nPASSWORDLESS_EMAIL_DELIVERY=\nPASSWORDLESS_LINK_URL=\n`
    );
    expect(first.out).toMatch(/^in place +\.gitignore: \.env is ignored by git/m);
    expect(read(root, '.gitignore')).toBe(GITIGNORE_5_54);

    const after = snapshot(root);
    const second = await runCli(root);
    expect(snapshot(root)).toEqual(after);
    expect(second.out).toContain('Everything is in place; nothing changed.');
  });

  it('the admin step writes src/admin/app in Strapi 5\'s shape with the Strapi 5 entry, beside the untouched example', async () => {
    const example = `app.example.${language === 'ts' ? 'tsx' : 'js'}`;
    const app = `app.${language === 'ts' ? 'tsx' : 'js'}`;
    const root = makeStrapi5Project(language, { files: { [`src/admin/${example}`]: 'export default {};\n' } });
    const run = await runCli(root);

    expect(run.out).toMatch(new RegExp(`^created +src/admin/${app.replace('.', '\\.')}: .*strapi-passwordless-login/admin/strapi5`, 'm'));
    expect(fs.readdirSync(path.join(root, 'src/admin')).sort()).toEqual([example, app].sort());
    expect(read(root, `src/admin/${example}`)).toBe('export default {};\n');
    const text = read(root, `src/admin/${app}`);
    expect(text).toContain("import passwordless from 'strapi-passwordless-login/admin/strapi5';");
    expect(text).toMatch(/config: \{\n {4}translations: passwordless\.translations,\n {2}\},\n {2}bootstrap\(app(: any)?\) \{\n {4}passwordless\.bootstrap\(app\);/);
  });

  it('a dry run writes nothing and says what it would write', async () => {
    const root = makeStrapi5Project(language);
    const before = snapshot(root);
    const run = await runCli(root, ['init', '--dry-run']);

    expect(snapshot(root)).toEqual(before);
    expect(run.out).toMatch(
      new RegExp(`^would update +config/plugins\\.${language}: added passwordless inside 'users-permissions'\\.config`, 'm')
    );
    expect(run.out).toContain('Dry run: 5 files would be written; nothing was written.');
  });
});

describe('next steps on Strapi 5', () => {
  it('the Roles path without logout, the answer of verify, no Strapi 4.26 note', async () => {
    const run = await runCli(makeStrapi5Project('js'));
    const steps = run.out.slice(run.out.indexOf('Next steps:'));

    expect(steps).toContain('Roles → Public → Users-permissions:\n     tick passwordless and passwordlessVerify, then Save');
    expect(steps).not.toContain('(and logout)');
    expect(steps).toContain("logout is users-permissions' own on Strapi 5");
    expect(steps).toContain('Start Strapi: npm run develop (it builds the admin panel with the Passwordless login settings page)\n');
    expect(steps).toMatch(/verify answers exactly like POST \/api\/auth\/local in the project's mode/);
    expect(steps).toMatch(
      /10-minute access token[\s\S]*HttpOnly refresh cookie; POST \/api\/auth\/refresh and \/api\/auth\/logout/
    );
    expect(steps).not.toContain('get-intrinsic');
  });

  it('Strapi 4 keeps its own: logout to tick, the settings page, the get-intrinsic note', async () => {
    const run = await runCli(makeProject());

    expect(run.out).toContain('tick passwordless and passwordlessVerify (and logout), then Save.');
    expect(run.out).toContain('(it builds the admin panel with the Passwordless login settings page)');
    expect(run.out).toContain('get-intrinsic 1.3.1 breaks the admin build');
    expect(run.out).not.toContain('HttpOnly refresh cookie');
  });
});
