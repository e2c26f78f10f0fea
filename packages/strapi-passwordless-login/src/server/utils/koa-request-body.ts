/**
 * Strapi's body parser (koa-body) puts the parsed body on `ctx.request.body`; Koa's own
 * types do not know it. Every body is validated before use, hence `unknown`.
 */
declare module 'koa' {
  interface Request {
    body?: unknown;
  }
}

export {};
