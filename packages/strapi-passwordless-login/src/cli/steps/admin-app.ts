/**
 * src/admin/app.{js,jsx,ts,tsx}: where a Strapi 4 project customises its admin panel,
 * and so where the Passwordless login settings page is added to the Settings menu.
 * The page is built on Strapi 4's admin kit (helper-plugin, design-system 1), which
 * Strapi 5's admin does not load: there the step writes nothing.
 */
import * as path from 'node:path';
import { createFile, readText } from '../files';
import { PACKAGE_NAME, renderAdminApp, renderAdminAppInstructions } from '../templates';
import type { Change, Project, Step } from '../types';

// The names Strapi 4's admin build looks for (app.example.* is only an example).
const CANDIDATES = ['src/admin/app.js', 'src/admin/app.jsx', 'src/admin/app.ts', 'src/admin/app.tsx'];

export const adminAppStep: Step = {
  name: 'admin settings page',
  plan(project: Project): Change[] {
    const file = project.language === 'ts' ? 'src/admin/app.tsx' : 'src/admin/app.js';
    if (project.strapiMajor === 5) {
      return [{ status: 'skipped', path: file, reason: 'the Strapi 5 admin page is not in this version yet' }];
    }
    const existing = CANDIDATES.flatMap((candidate) => {
      const text = readText(path.join(project.root, candidate));
      return text === undefined ? [] : [{ file: candidate, text }];
    });
    if (existing.length === 0) {
      return [
        {
          status: 'create',
          path: file,
          reason: 'adds Settings → Users & Permissions → Passwordless login (rebuild the admin: strapi build)',
          write: () => createFile(path.join(project.root, file), renderAdminApp(project.language)),
        },
      ];
    }
    const wired = existing.find(({ text }) => text.includes(`${PACKAGE_NAME}/admin`));
    if (wired) return [{ status: 'in place', path: wired.file, reason: `already uses ${PACKAGE_NAME}/admin` }];
    // The project customises its admin already: merging into its object is the user's call.
    return existing.map(
      ({ file }): Change => ({
        status: 'action needed',
        path: file,
        reason: 'customises the admin panel already; left untouched. Add the settings page:',
        manual: renderAdminAppInstructions(file.endsWith('.ts') || file.endsWith('.tsx') ? 'ts' : 'js'),
      })
    );
  },
};
