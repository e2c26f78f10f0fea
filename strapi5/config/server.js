module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Strapi 5 reads the proxy setting as server.proxy.koa (a v4-style boolean is ignored).
  // Behind a load balancer, set PROXY=true so ctx.request.ip and ctx.secure come from
  // X-Forwarded-For and X-Forwarded-Proto; leave it off when Strapi is reached directly.
  proxy: { koa: env.bool('PROXY', false) },
  app: {
    keys: env.array('APP_KEYS'),
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});
