/**
 * One Strapi instance in a child process (two-instance tests): boots on the database
 * named by the DATABASE_* environment, listens on an ephemeral port, and answers the
 * parent's IPC messages: 'settle' (wait for deliveries) and 'stop'.
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
    } else if (message.type === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
  process.send({ type: 'ready', port: server.address().port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
