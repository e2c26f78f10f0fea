/**
 * src/extensions/users-permissions/strapi-server.{js,ts}: the file through which
 * Strapi 4 and 5 let a project extend users-permissions, and so where the package plugs
 * in. The same shim serves both majors: withPasswordless picks the major when it runs.
 */
import * as path from 'node:path';
import { createFile, readLanguageVariants } from '../files';
import { PACKAGE_NAME, renderShim, renderShimInstructions } from '../templates';
import type { Change, Project, Step } from '../types';

const DIRECTORY = 'src/extensions/users-permissions';

export const extensionShimStep: Step = {
  name: 'users-permissions extension',
  plan(project: Project): Change[] {
    const existing = readLanguageVariants(project.root, `${DIRECTORY}/strapi-server`);

    if (existing.length === 0) {
      const file = `${DIRECTORY}/strapi-server.${project.language}`;
      return [
        {
          status: 'create',
          path: file,
          reason: 'wires the passwordless routes into users-permissions',
          write: () => createFile(path.join(project.root, file), renderShim(project.language)),
        },
      ];
    }
    const wired = existing.find((candidate) => candidate.text.includes(PACKAGE_NAME));
    if (wired) return [{ status: 'in place', path: wired.file, reason: `already uses ${PACKAGE_NAME}` }];

    // The project extends users-permissions already: composing is the user's call.
    return existing.map(
      ({ language, file }): Change => ({
        status: 'action needed',
        path: file,
        reason: `already extends users-permissions; left untouched. Wrap your extension with withPasswordless:`,
        manual: renderShimInstructions(language),
      })
    );
  },
};
