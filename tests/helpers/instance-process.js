/**
 * One Strapi instance in a child process (two-instance tests): boots on the database
 * named by the DATABASE_* environment, listens on an ephemeral port, and answers the
 * parent's IPC messages: 'settle' (wait for deliveries), 'permission' (tick or untick an
 * action for Public, through the query engine as Settings → Roles does, or by SQL behind
 * Strapi's back) and 'stop'.
 */
const { bootStrapi } = require('./boot-strapi');

async function main() {
  const strapi = await bootStrapi(JSON.parse(process.env.BOOT_OPTIONS || '{}'));
  const server = strapi.server.httpServer;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', async (message) => {
    if (message.type === 'settle') {
      await strapi.plugin('users-permissions').service('passwordless').settled();
      process.send({ type: 'settled', id: message.id });
    } else if (message.type === 'permission') {
      await setPublicPermission(strapi, message);
      process.send({ type: 'permission-set', id: message.id });
    } else if (message.type === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
  process.send({ type: 'ready', port: server.address().port });
}

const PERMISSION_UID = 'plugin::users-permissions.permission';

async function setPublicPermission(strapi, { action, enabled, bySql = false }) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const permissions = strapi.db.query(PERMISSION_UID);
  if (enabled) {
    await permissions.create({ data: { action, role: role.id } });
    return;
  }
  const found = await permissions.findOne({ where: { action, role: role.id } });
  if (!found) return;
  if (bySql) {
    // Foreign keys cascade to the role link rows.
    await strapi.db.connection(strapi.db.metadata.get(PERMISSION_UID).tableName).where('id', found.id).delete();
  } else {
    await permissions.delete({ where: { id: found.id } });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
