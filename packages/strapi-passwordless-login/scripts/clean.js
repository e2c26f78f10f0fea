// Removes dist/ before a build, so files moved or deleted in src/ never linger in the package.
require('node:fs').rmSync(require('node:path').join(__dirname, '..', 'dist'), { recursive: true, force: true });
