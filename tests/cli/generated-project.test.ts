/**
 * Guards against drift between the fixtures and what create-strapi-app 4 really
 * writes: the project is laid out from @strapi/generate-new's own templates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_PLUGINS_JS, GENERATED_PLUGINS_TS } from './fixtures';
import { makeProject, read, removeProjects, runCli, snapshot } from './project-fixture';

const RESOURCES = path.join(path.dirname(require.resolve('@strapi/generate-new/package.json')), 'dist/resources');

function makeGeneratedProject(language: 'js' | 'ts'): string {
  const root = makeProject(language === 'ts' ? { files: { 'tsconfig.json': '{}\n' } } : {});
  fs.cpSync(path.join(RESOURCES, 'files', language), root, { recursive: true });
  const example = fs.readFileSync(path.join(RESOURCES, 'dot-files/common/env.example'), 'utf8');
  fs.writeFileSync(path.join(root, '.env.example'), example);
  fs.writeFileSync(path.join(root, '.env'), example.replace(/tobemodified/gi, 'generated'));
  fs.copyFileSync(path.join(RESOURCES, 'dot-files/common/gitignore'), path.join(root, '.gitignore'));
  return root;
}

afterEach(removeProjects);

it("the fixtures' generated plugins files are @strapi/generate-new's", () => {
  expect(fs.readFileSync(path.join(RESOURCES, 'files/js/config/plugins.js'), 'utf8').trim()).toBe(GENERATED_PLUGINS_JS.trim());
  expect(fs.readFileSync(path.join(RESOURCES, 'files/ts/config/plugins.ts'), 'utf8').trim()).toBe(GENERATED_PLUGINS_TS.trim());
});

it.each(['js', 'ts'] as const)('a freshly generated %s project: every step applied, then in place', async (language) => {
  const root = makeGeneratedProject(language);
  const first = await runCli(root);

  expect(first.code).toBe(0);
  expect(first.out.match(/^(created|updated) /gm)).toHaveLength(5);
  // The generated project has only app.example.*: init creates the admin app beside it.
  expect(read(root, `src/admin/app.${language === 'ts' ? 'tsx' : 'js'}`)).toContain('strapi-passwordless-login/admin');
  expect(read(root, `config/plugins.${language}`)).toContain("'users-permissions': {\n    config: {\n      passwordless: {");
  expect(read(root, '.env')).toMatch(/^PASSWORDLESS_SECRET=\S{64}$/m);
  expect(first.out).toMatch(/^in place +\.gitignore: \.env is ignored by git/m);
  expect(read(root, '.env.example')).toMatch(/\nPASSWORDLESS_SECRET=\nPASSWORDLESS_EMAIL_DELIVERY=\nPASSWORDLESS_LINK_URL=\n$/);

  const after = snapshot(root);
  const second = await runCli(root);
  expect(snapshot(root)).toEqual(after);
  expect(second.out).toContain('Everything is in place; nothing changed.');
});
