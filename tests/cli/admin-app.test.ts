/** init's admin step: src/admin/app created in a fresh project, lines printed when one exists. */
import ts from 'typescript';
import { makeProject, read, removeProjects, runCli, snapshot } from './project-fixture';

const TS_PROJECT = { 'tsconfig.json': '{}\n' };
const CUSTOM_APP = "export default { config: { locales: ['de'] }, bootstrap() {} };\n";

afterEach(removeProjects);

describe('init: the admin settings page', () => {
  it.each([
    ['JavaScript', {}, 'src/admin/app.js'],
    ['TypeScript', TS_PROJECT, 'src/admin/app.tsx'],
  ])('%s: creates %s that registers the page and its translations', async (_name, files, file) => {
    const root = makeProject({ files });
    const run = await runCli(root);
    expect(run.code).toBe(0);
    const text = read(root, file);
    expect(text).toContain("import passwordless from 'strapi-passwordless-login/admin';");
    expect(text).toContain('passwordless.bootstrap(app);');
    expect(text).toContain('translations: passwordless.translations');
    expect(run.out).toMatch(new RegExp(`^created +${file.replace('.', '\\.')}: `, 'm'));
    // It parses as the admin build will read it (an ES module, JSX-capable).
    const { diagnostics } = ts.transpileModule(text, { reportDiagnostics: true, fileName: file, compilerOptions: { jsx: ts.JsxEmit.React } });
    expect(diagnostics).toEqual([]);
  });

  it('leaves an existing admin app untouched and prints the lines to add', async () => {
    const root = makeProject({ files: { 'src/admin/app.tsx': CUSTOM_APP, ...TS_PROJECT } });
    const run = await runCli(root);
    expect(run.code).toBe(0);
    expect(read(root, 'src/admin/app.tsx')).toBe(CUSTOM_APP);
    expect(run.out).toMatch(/^action needed +src\/admin\/app\.tsx: /m);
    expect(run.out).toContain("import passwordless from 'strapi-passwordless-login/admin';");
    expect(run.out).toContain('bootstrap(app: any) { passwordless.bootstrap(app); }');
  });

  it('app.example.js (what create-strapi-app ships) is not an admin app; a second run changes nothing', async () => {
    const root = makeProject({ files: { 'src/admin/app.example.js': CUSTOM_APP } });
    await runCli(root);
    expect(read(root, 'src/admin/app.js')).toContain('strapi-passwordless-login/admin');
    const before = snapshot(root);
    const again = await runCli(root);
    expect(again.out).toMatch(/^in place +src\/admin\/app\.js: /m);
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['JavaScript', {}, 'src/admin/app.js'],
    ['TypeScript', TS_PROJECT, 'src/admin/app.tsx'],
  ])('Strapi 5, %s: creates %s with the Strapi 5 entry; app.example left alone; a second run changes nothing', async (_name, files, file) => {
    const example = file.replace('app.', 'app.example.');
    const root = makeProject({ strapi: '5.54.0', files: { ...files, [example]: CUSTOM_APP } });
    const run = await runCli(root);
    expect(run.code).toBe(0);
    const text = read(root, file);
    expect(text).toContain("import passwordless from 'strapi-passwordless-login/admin/strapi5';");
    expect(text).toContain('passwordless.bootstrap(app);');
    expect(text).toContain('translations: passwordless.translations');
    expect(read(root, example)).toBe(CUSTOM_APP);
    const { diagnostics } = ts.transpileModule(text, { reportDiagnostics: true, fileName: file, compilerOptions: { jsx: ts.JsxEmit.React } });
    expect(diagnostics).toEqual([]);

    const before = snapshot(root);
    const again = await runCli(root);
    expect(again.out).toMatch(new RegExp(`^in place +${file.replace('.', '\\.')}: already uses strapi-passwordless-login/admin/strapi5$`, 'm'));
    expect(snapshot(root)).toEqual(before);
  });

  it('Strapi 5: an existing admin app is left untouched and the Strapi 5 lines are printed', async () => {
    const root = makeProject({ strapi: '5.54.0', files: { 'src/admin/app.tsx': CUSTOM_APP, ...TS_PROJECT } });
    const before = snapshot(root)['src/admin/app.tsx'];
    const run = await runCli(root);
    expect(run.code).toBe(0);
    expect(snapshot(root)['src/admin/app.tsx']).toEqual(before);
    expect(run.out).toMatch(/^action needed +src\/admin\/app\.tsx: /m);
    expect(run.out).toContain("import passwordless from 'strapi-passwordless-login/admin/strapi5';");
    expect(run.out).toContain('bootstrap(app: any) { passwordless.bootstrap(app); }');
  });

  it('Strapi 5: an admin app wired to the Strapi 4 entry is not taken for wired', async () => {
    const v4Wired = "import passwordless from 'strapi-passwordless-login/admin';\nexport default { bootstrap(app) { passwordless.bootstrap(app); } };\n";
    const root = makeProject({ strapi: '5.54.0', files: { 'src/admin/app.js': v4Wired } });
    const run = await runCli(root);
    expect(read(root, 'src/admin/app.js')).toBe(v4Wired);
    expect(run.out).toMatch(/^action needed +src\/admin\/app\.js: /m);
    expect(run.out).toContain("import passwordless from 'strapi-passwordless-login/admin/strapi5';");
  });
});
