/** Admin API routes (see src/shared/admin-api.ts), relative to the admin API root as useFetchClient expects. */
const BASE = '/users-permissions/passwordless';

export const API = {
  status: `${BASE}/status`,
  stats: `${BASE}/stats`,
  testEmail: `${BASE}/test-email`,
  templates: `${BASE}/templates`,
  access: `${BASE}/access`,
} as const;
