/**
 * src/admin/app.{js,jsx,ts,tsx}: where a Strapi project customises its admin panel, and
 * so where the Passwordless login settings page is added to the Settings menu. The file
 * has the same shape on both majors; it imports the entry built on the project's own
 * admin kit (templates.adminEntry): Strapi 4's helper-plugin and design-system 1, or
 * Strapi 5's @strapi/strapi/admin and design-system 2.
 */
import * as path from 'node:path';
import { createFile, readText } from '../files';
import { adminEntry, renderAdminApp, renderAdminAppInstructions } from '../templates';
import type { Change, Project, Step } from '../types';

// The names both majors' admin builds look for (app.example.*, which create-strapi-app
// and Strapi 4's generator ship, is only an example: left alone).
const CANDIDATES = ['src/admin/app.js', 'src/admin/app.jsx', 'src/admin/app.ts', 'src/admin/app.tsx'];

export const adminAppStep: Step = {
  name: 'admin settings page',
  plan(project: Project): Change[] {
    const file = project.language === 'ts' ? 'src/admin/app.tsx' : 'src/admin/app.js';
    const entry = adminEntry(project.strapiMajor);
    const existing = CANDIDATES.flatMap((candidate) => {
      const text = readText(path.join(project.root, candidate));
      return text === undefined ? [] : [{ file: candidate, text }];
    });
    if (existing.length === 0) {
      return [
        {
          status: 'create',
          path: file,
          reason: `adds Settings → Users & Permissions → Passwordless login from ${entry} (rebuild the admin: strapi build)`,
          write: () => createFile(path.join(project.root, file), renderAdminApp(project.language, project.strapiMajor)),
        },
      ];
    }
    // The entry as a whole module name: on Strapi 5, the Strapi 4 entry alone is not the page.
    const wired = existing.find(({ text }) => text.includes(`'${entry}'`) || text.includes(`"${entry}"`));
    if (wired) return [{ status: 'in place', path: wired.file, reason: `already uses ${entry}` }];
    // The project customises its admin already: merging into its object is the user's call.
    return existing.map(
      ({ file }): Change => ({
        status: 'action needed',
        path: file,
        reason: 'customises the admin panel already; left untouched. Add the settings page:',
        manual: renderAdminAppInstructions(file.endsWith('.ts') || file.endsWith('.tsx') ? 'ts' : 'js', project.strapiMajor),
      })
    );
  },
};
