export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Behind a load balancer, set PROXY=true so ctx.request.ip is the client's
  // address (from X-Forwarded-For) rather than the balancer's. Leave it off
  // when Strapi is reached directly: a client could then forge X-Forwarded-For.
  proxy: env.bool('PROXY', false),
  app: {
    keys: env.array('APP_KEYS'),
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});
