/**
 * What create-strapi-app 5.54.0 writes (npx create-strapi-app@5.54.0 --js / --ts), byte for
 * byte: the files init reads in a fresh Strapi 5 project. The secrets of .env are replaced.
 */

export const PLUGINS_JS_5_54 = `const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

module.exports = () => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});
`;

export const PLUGINS_TS_5_54 = `import type { Core } from '@strapi/strapi';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});

export default config;
`;

/** Byte-identical in the JavaScript and TypeScript projects. */
export const ENV_EXAMPLE_5_54 = `HOST=0.0.0.0
PORT=1337
APP_KEYS="toBeModified1,toBeModified2"
API_TOKEN_SALT=tobemodified
ADMIN_JWT_SECRET=tobemodified
TRANSFER_TOKEN_SALT=tobemodified
JWT_SECRET=tobemodified
ENCRYPTION_KEY=tobemodified
`;

export const ENV_5_54 = `
# Server
HOST=0.0.0.0
PORT=1337

# Secrets
APP_KEYS=k1==,k2==,k3==,k4==
API_TOKEN_SALT=generated==
ADMIN_JWT_SECRET=generated==
JWT_SECRET=generated==
TRANSFER_TOKEN_SALT=generated==
ENCRYPTION_KEY=generated==

# Database
DATABASE_CLIENT=sqlite
DATABASE_HOST=
DATABASE_PORT=
DATABASE_NAME=
DATABASE_USERNAME=
DATABASE_PASSWORD=
DATABASE_SSL=false
DATABASE_FILENAME=.tmp/data.db
`;

/** The dependencies of both projects' package.json (TypeScript adds devDependencies). */
export const DEPENDENCIES_5_54 = {
  '@strapi/database': '5.54.0',
  '@strapi/plugin-cloud': '5.54.0',
  '@strapi/plugin-users-permissions': '5.54.0',
  '@strapi/strapi': '5.54.0',
  'better-sqlite3': '12.8.0',
  react: '^18.0.0',
  'react-dom': '^18.0.0',
  'react-router-dom': '^6.30.3',
  'styled-components': '^6.0.0',
};
