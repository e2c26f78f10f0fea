/**
 * The Strapi versions the package is proven on, and what a fresh project of each
 * needs to install here. DEFAULT_VERSIONS run by default (and in CI); any version
 * listed in TARGETS can be named on the command line.
 */

/**
 * One @strapi/utils in a Strapi 5 project, Strapi's own (project-checks.js says why).
 * The SES provider pins its own release's. And @strapi/plugin-cloud's peer @strapi/admin
 * (^5.0.0), with the admin's peer @strapi/data-transfer, resolve to the newest 5.x in
 * a fresh npm install, bringing that release's @strapi/utils to the top of node_modules:
 * a fresh 5.50.2 project then nests a copy in every Strapi package and answers 500 for
 * users-permissions' own errors (a wrong password at /api/auth/local), with or without
 * this package. Pinned on the newest too, so that its proof stays one version when
 * newer releases appear.
 */
function strapi5Overrides(version) {
  return {
    '@strapi/provider-email-amazon-ses': { '@strapi/utils': version },
    '@strapi/admin': version,
    '@strapi/data-transfer': version,
  };
}

/**
 * `flavours`: the order a version's projects are made in; the first one installs and
 * the next reuses its node_modules. `adminBuild`: the one flavour per version that runs
 * `strapi build` (minutes each), with that version's own flags.
 */
const TARGETS = [
  {
    strapi: '4.26.2',
    // The provider skipped 4.26.2; 4.26.1 is the newest.
    ses: '4.26.1',
    flavours: ['js', 'ts'],
    // In the TypeScript project: src/admin/app.tsx is type-checked by the admin build
    // against the package's declarations. --no-optimization (unminified) is faster.
    adminBuild: { flavour: 'ts', args: ['--no-optimization', '--ignore-prompts'] },
    overrides: {
      // sharp 0.32 downloads libvips at install time; 0.33 ships it in registry packages.
      sharp: '0.33.5',
      // get-intrinsic 1.3.1 breaks the admin build (init's next steps tell users the same).
      'get-intrinsic': '1.3.0',
      // The newest releases miss platform builds in the registry (as the repository pins them).
      '@swc/core': '1.16.18',
      rollup: '4.65.0',
    },
  },
  {
    strapi: '4.15.0',
    ses: '4.15.0',
    flavours: ['js', 'ts'],
    // The oldest design system and helper-plugin the admin entry claims, in JavaScript
    // (this build command has no --ignore-prompts yet).
    adminBuild: { flavour: 'js', args: ['--no-optimization'] },
    // This tree has no @swc/core, and rollup 3 (vite 4), which needs no pin. webpack: a fresh
    // install resolves 5.113, whose ProgressPlugin schema refuses 4.15's options, so
    // `strapi build` fails in any fresh 4.15.0 project (with or without this package).
    overrides: { sharp: '0.33.5', 'get-intrinsic': '1.3.0', webpack: '5.89.0' },
  },
  {
    strapi: '5.54.0',
    // No provider release after 5.52.1.
    ses: '5.52.1',
    // TypeScript first: only its template has devDependencies (typescript, @types/*), so
    // its node_modules serves the JavaScript project too, not the other way round.
    flavours: ['ts', 'js'],
    // Strapi 5's build compiles the project with strict and noEmitOnError first, so it
    // type-checks init's shim and config. Its Vite build has no unminified switch.
    adminBuild: { flavour: 'ts', args: [] },
    overrides: strapi5Overrides('5.54.0'),
  },
  {
    strapi: '5.50.2',
    ses: '5.50.2',
    flavours: ['ts', 'js'],
    // The floor builds in JavaScript, the newest in TypeScript: each language builds once.
    adminBuild: { flavour: 'js', args: [] },
    overrides: strapi5Overrides('5.50.2'),
  },
];

// The newest Strapi 4 and the oldest the package claims (peerDependencies ^4.15.0), the
// newest Strapi 5 that installs here (5.55's @strapi/database is not in the registry) and
// the Strapi 5 floor (^5.50.2: the first generator that writes refresh mode with an
// HttpOnly cookie, and the users-permissions that signs out everywhere).
// @strapi/utils is an optional peer: as a required one, npm met it with the newest 4.x at
// the top of node_modules on older versions and nested Strapi's own copy in each Strapi
// package, and Strapi answered 500 for every 4xx (the dependencies step checks for it).
const DEFAULT_VERSIONS = ['4.26.2', '4.15.0', '5.54.0', '5.50.2'];

const FLAVOURS = {
  js: { id: 'js', label: 'JavaScript' },
  ts: { id: 'ts', label: 'TypeScript' },
};

/** The flavours of a target, in the order its projects are made. */
function flavoursOf(target) {
  return target.flavours.map((id) => FLAVOURS[id]);
}

module.exports = { TARGETS, DEFAULT_VERSIONS, flavoursOf };
