export default ({ env }) => {
  const useSes = env('EMAIL_PROVIDER') === 'amazon-ses';
  // env.array turns `X=` (as in .env.example) into [''], which is no entry at all.
  const list = (name: string): string[] => env.array(name, []).filter((entry: string) => entry.trim() !== '');
  return {
    'users-permissions': {
      config: {
        // Every key and its default: README "Configuration".
        passwordless: {
          grantPublic: env.bool('PASSWORDLESS_GRANT_PUBLIC', false),
          // Opt-in: the Public role's permissions built once, checked against one version counter per request.
          publicRoleCache: { enabled: env.bool('PASSWORDLESS_PUBLIC_ROLE_CACHE', false) },
          // Storefront page that receives ?token= from the email's magic link.
          linkUrl: env('PASSWORDLESS_LINK_URL'),
          secret: env('PASSWORDLESS_SECRET'),
          // Emails per hour to addresses with no account (sign-up), for the whole deployment.
          signUp: { emailsPerHour: env.int('PASSWORDLESS_SIGNUP_EMAILS_PER_HOUR') },
          // Optional: limit counters in Redis instead of the database.
          redis: { url: env('PASSWORDLESS_REDIS_URL'), keyPrefix: env('PASSWORDLESS_REDIS_PREFIX') },
          limits: { trustedProxyHops: env.int('PROXY_HOPS', 1) },
          // Exact addresses and @domain entries, comma-separated.
          // Optional HttpOnly JWT cookie; origins allowed to send state-changing requests with it.
          cookie: {
            enabled: env.bool('PASSWORDLESS_COOKIE', false),
            origins: list('PASSWORDLESS_COOKIE_ORIGINS'),
          },
          access: { allow: list('PASSWORDLESS_ALLOW'), deny: list('PASSWORDLESS_DENY') },
          // Names of API tokens whose storefront servers may forward the shopper's address.
          trustedServers: { apiTokens: list('PASSWORDLESS_TRUSTED_API_TOKENS') },
          email: {
            // Without SES the code email goes to Strapi's log, so the quick start needs
            // no account anywhere. Production refuses 'log' at boot.
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
          providerOptions: {
            key: env('AWS_SES_KEY'),
            secret: env('AWS_SES_SECRET'),
            amazon: env('AWS_SES_ENDPOINT', 'https://email.us-east-1.amazonaws.com'),
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
