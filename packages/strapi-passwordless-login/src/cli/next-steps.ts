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

export function renderNextSteps(project: Project): string {
  const commands = COMMANDS[project.packageManager];
  const steps = [
    `Start Strapi: ${commands.develop} (it builds the admin panel with the Passwordless login settings page)`,
    'In the admin panel: Settings → Users & Permissions plugin → Roles → Public → Users-permissions:\n' +
      '     tick passwordless and passwordlessVerify (and logout), then Save.',
    'Before production: configure an email provider, set PASSWORDLESS_EMAIL_DELIVERY=provider (or remove it)\n' +
      '     and PASSWORDLESS_SECRET on the server; Strapi refuses to start in production without them.',
  ];
  if (!project.packageJson.dependencies?.[PACKAGE_NAME]) steps.unshift(`Install the package: ${commands.add} ${PACKAGE_NAME}`);

  const lines = ['Next steps:', ...steps.map((step, index) => `  ${index + 1}. ${step}`)];
  if (!hasGetIntrinsicOverride(project)) {
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
