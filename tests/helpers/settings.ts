/** Settings an admin changes at run time, written where Strapi's admin pages write them. */

/** Merges `changes` into users-permissions' Advanced settings (Enable sign-ups, email confirmation, …). */
export async function setAdvanced(strapi: any, changes: Record<string, unknown>): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  await store.set({ value: { ...(await store.get()), ...changes } });
}
