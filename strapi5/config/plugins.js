// The generated project's users-permissions config (refresh mode, HttpOnly refresh
// cookie), switchable for the contract tests, plus the block `init` adds.
module.exports = ({ env }) => {
  const useSes = env('EMAIL_PROVIDER') === 'amazon-ses';
  // env.array turns `X=` (as in .env.example) into [''], which is no entry at all.
  const list = (name) => env.array(name, []).filter((entry) => entry.trim() !== '');
  return {
    'users-permissions': {
      config: {
        jwtManagement: env('UP_JWT_MANAGEMENT', 'refresh'),
        sessions: {
          httpOnly: env.bool('UP_SESSIONS_HTTPONLY', true),
          accessTokenLifespan: env.int('UP_ACCESS_TOKEN_LIFESPAN', 600),
        },
        passwordless: {
          grantPublic: env.bool('PASSWORDLESS_GRANT_PUBLIC', false),
          // Opt-in: the Public role's permissions built once, checked against one version counter per request.
          publicRoleCache: { enabled: env.bool('PASSWORDLESS_PUBLIC_ROLE_CACHE', false) },
          linkUrl: env('PASSWORDLESS_LINK_URL'),
          secret: env('PASSWORDLESS_SECRET'),
          signUp: { emailsPerHour: env.int('PASSWORDLESS_SIGNUP_EMAILS_PER_HOUR') },
          redis: { url: env('PASSWORDLESS_REDIS_URL'), keyPrefix: env('PASSWORDLESS_REDIS_PREFIX') },
          limits: { trustedProxyHops: env.int('PROXY_HOPS', 1) },
          cookie: {
            enabled: env.bool('PASSWORDLESS_COOKIE', false),
            origins: list('PASSWORDLESS_COOKIE_ORIGINS'),
          },
          access: { allow: list('PASSWORDLESS_ALLOW'), deny: list('PASSWORDLESS_DENY') },
          trustedServers: { apiTokens: list('PASSWORDLESS_TRUSTED_API_TOKENS') },
          email: {
            delivery: env('PASSWORDLESS_EMAIL_DELIVERY') || (useSes ? 'provider' : 'log'),
            from: env('EMAIL_FROM'),
          },
        },
      },
    },
    ...(useSes && {
      email: {
        config: {
          provider: 'amazon-ses',
          // The provider's AWS SDK form (5.48+): maxAttempts 1 leaves retries to the
          // extension's bounded email.retries (the SDK would retry each attempt 3 times).
          providerOptions: {
            credentials: { key: env('AWS_SES_KEY'), secret: env('AWS_SES_SECRET') },
            endpoint: env('AWS_SES_ENDPOINT', 'https://email.us-east-1.amazonaws.com'),
            region: env('AWS_REGION', 'us-east-1'),
            maxAttempts: 1,
          },
          settings: {
            defaultFrom: env('EMAIL_FROM'),
            defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM')),
          },
        },
      },
    }),
  };
};
