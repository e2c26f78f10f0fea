/** What init cannot do for the user, in the order they will do it. */
import { PACKAGE_NAME } from './templates';
import type { PackageManager, Project } from './types';

const COMMANDS: Record<PackageManager, { add: string; develop: string }> = {
  npm: { add: 'npm install', develop: 'npm run develop' },
  yarn: { add: 'yarn add', develop: 'yarn develop' },
  pnpm: { add: 'pnpm add', develop: 'pnpm develop' },
};

// Where each client reads dependency overrides from package.json.
const OVERRIDE_SNIPPETS: Record<PackageManager, string> = {
  npm: '"overrides": { "get-intrinsic": "1.3.0" }',
  yarn: '"resolutions": { "get-intrinsic": "1.3.0" }',
  pnpm: '"pnpm": { "overrides": { "get-intrinsic": "1.3.0" } }',
};

const ROLES = 'In the admin panel: Settings → Users & Permissions plugin → Roles → Public → Users-permissions:\n';
const BEFORE_PRODUCTION =
  'Before production: configure an email provider, set PASSWORDLESS_EMAIL_DELIVERY=provider (or remove it)\n' +
  '     and PASSWORDLESS_SECRET on the server; Strapi refuses to start in production without them.';

export function renderNextSteps(project: Project): string {
  const commands = COMMANDS[project.packageManager];
  // Both majors' admin builds bundle the settings page init wired in src/admin/app.
  const start = `Start Strapi: ${commands.develop} (it builds the admin panel with the Passwordless login settings page)`;
  const steps =
    project.strapiMajor === 4
      ? [
          start,
          `${ROLES}     tick passwordless and passwordlessVerify (and logout), then Save.`,
          BEFORE_PRODUCTION,
        ]
      : [
          start,
          // Strapi 5 has its own logout action (with refresh), granted to Authenticated by users-permissions itself.
          `${ROLES}     tick passwordless and passwordlessVerify, then Save (logout is users-permissions' own on Strapi 5,\n` +
            '     already granted to Authenticated).',
          BEFORE_PRODUCTION,
        ];
  if (!project.packageJson.dependencies?.[PACKAGE_NAME]) steps.unshift(`Install the package: ${commands.add} ${PACKAGE_NAME}`);

  const lines = ['Next steps:', ...steps.map((step, index) => `  ${index + 1}. ${step}`)];
  if (project.strapiMajor === 5) {
    lines.push(
      '',
      "Signing in: POST /api/auth/passwordless/verify answers exactly like POST /api/auth/local in the project's mode.",
      "In refresh mode (jwtManagement: 'refresh', as create-strapi-app 5 writes it) that is a 10-minute access token",
      "(users-permissions' default) plus the HttpOnly refresh cookie; POST /api/auth/refresh and /api/auth/logout are users-permissions' own."
    );
  } else if (!hasGetIntrinsicOverride(project)) {
    // Only Strapi 4.26's admin build (esbuild) trips over get-intrinsic 1.3.1.
    lines.push(
      '',
      'Note: with Strapi 4.26.x a fresh install may need this in package.json:',
      `  ${OVERRIDE_SNIPPETS[project.packageManager]}`,
      'get-intrinsic 1.3.1 breaks the admin build (esbuild: "Using a string as a module namespace identifier name is not supported").'
    );
  }
  return `${lines.join('\n')}\n`;
}

function hasGetIntrinsicOverride({ packageJson }: Project): boolean {
  return [packageJson.overrides, packageJson.resolutions, packageJson.pnpm?.overrides].some(
    (overrides) => typeof overrides === 'object' && overrides !== null && 'get-intrinsic' in overrides
  );
}
