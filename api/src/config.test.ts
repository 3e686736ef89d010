import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, DEVELOPMENT_SECRETS, parseConfig } from './config';

const productionEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://bizone:secret@db.internal:5432/bizone',
  SESSION_SECRET: 's'.repeat(40),
  ENCRYPTION_KEY: 'e'.repeat(40),
  META_APP_ID: '123456789012345',
  META_APP_SECRET: 'meta-app-secret-value',
  META_VERIFY_TOKEN: 'meta-verify-token-value',
  MIDTRANS_SERVER_KEY: 'Mid-server-abcdefgh',
  MIDTRANS_CLIENT_KEY: 'Mid-client-abcdefgh',
  MIDTRANS_MERCHANT_ID: 'G123456789',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('starts the embedded demo with no variables at all', () => {
    const config = parseConfig({});
    expect(config.api).toMatchObject({ host: '127.0.0.1', port: 3001 });
    expect(config.dashboard).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(config.database.url).toBeUndefined();
    expect(config.simulators.enabled).toBe(true);
    expect(config.meta.graphBaseUrl).toBe('http://127.0.0.1:3101');
    expect(config.midtrans.allowedPaymentTypes).toEqual(['gopay', 'shopeepay', 'bank_transfer', 'credit_card']);
    expect(config.pricePerMessage).toBe(500n);
  });

  it('names a malformed DATABASE_URL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://nope' })).toEqual([
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
    ]);
  });

  it('lists every problem at once instead of stopping at the first', () => {
    const problems = problemsOf({ API_PORT: 'seventy', MONGODB_URL: 'redis://x', LOG_LEVEL: 'loud' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['API_PORT', 'LOG_LEVEL', 'MONGODB_URL']);
  });

  it('treats empty variables from an env file as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', API_PORT: '' }).api.port).toBe(3001);
  });

  it('accepts a complete production configuration with real endpoints', () => {
    const config = parseConfig(productionEnv);
    expect(config.isProduction).toBe(true);
    expect(config.simulators.enabled).toBe(false);
    expect(config.meta.graphBaseUrl).toBe('https://graph.facebook.com');
    expect(config.midtrans.snapBaseUrl).toBe('https://app.sandbox.midtrans.com');
    expect(parseConfig({ ...productionEnv, MIDTRANS_ENV: 'production' }).midtrans.apiBaseUrl).toBe(
      'https://api.midtrans.com',
    );
  });

  it('picks Midtrans’ endpoints by MIDTRANS_ENV alone, whatever the server key looks like', () => {
    const endpoints = (env: Record<string, string>) => {
      const { midtrans } = parseConfig({ ...productionEnv, ...env });
      return { env: midtrans.env, snap: midtrans.snapBaseUrl, api: midtrans.apiBaseUrl };
    };
    const sandbox = {
      env: 'sandbox',
      snap: 'https://app.sandbox.midtrans.com',
      api: 'https://api.sandbox.midtrans.com',
    };
    const production = { env: 'production', snap: 'https://app.midtrans.com', api: 'https://api.midtrans.com' };
    // Sandbox server keys do not always start with SB-, and a key that does says nothing either.
    expect(endpoints({ MIDTRANS_SERVER_KEY: 'Mid-server-sandboxkey' })).toEqual(sandbox);
    expect(endpoints({ MIDTRANS_ENV: 'sandbox', MIDTRANS_SERVER_KEY: 'SB-Mid-server-abcdefgh' })).toEqual(sandbox);
    expect(endpoints({ MIDTRANS_ENV: 'production', MIDTRANS_SERVER_KEY: 'SB-Mid-server-abcdefgh' })).toEqual(
      production,
    );
    expect(endpoints({ MIDTRANS_ENV: 'production', MIDTRANS_SERVER_KEY: 'Mid-server-abcdefgh' })).toEqual(production);
    expect(problemsOf({ ...productionEnv, MIDTRANS_ENV: 'live' })).toEqual([expect.stringMatching(/^MIDTRANS_ENV:/)]);
  });

  it('sends Snap the payment types of MIDTRANS_ALLOWED_PAYMENT_TYPES and the notification URL under PUBLIC_URL', () => {
    const config = parseConfig({
      MIDTRANS_ALLOWED_PAYMENT_TYPES: ' gopay, bank_transfer ,,qris',
      PUBLIC_URL: 'https://portal.example.co.id/',
    });
    expect(config.midtrans.allowedPaymentTypes).toEqual(['gopay', 'bank_transfer', 'qris']);
    expect(config.midtrans.notificationUrl).toBe('https://portal.example.co.id/api/wallet/midtrans/notification');
    expect(
      parseConfig({ MIDTRANS_NOTIFICATION_URL: 'https://hooks.example.co.id/midtrans' }).midtrans.notificationUrl,
    ).toBe('https://hooks.example.co.id/midtrans');
  });

  it('refuses simulators, development secrets and missing keys in production', () => {
    const { META_APP_SECRET: _meta, META_APP_ID: _app, MIDTRANS_MERCHANT_ID: _merchant, ...incomplete } = productionEnv;
    const problems = problemsOf({
      ...incomplete,
      SIMULATORS: 'true',
      SESSION_SECRET: DEVELOPMENT_SECRETS.SESSION_SECRET,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SIMULATORS:/),
        expect.stringMatching(/^SESSION_SECRET: still the development default/),
        expect.stringMatching(/^META_APP_SECRET: required in production/),
        // Webhook subscriptions are checked against this app: the simulator's id would pass no real check.
        expect.stringMatching(/^META_APP_ID: required in production/),
        expect.stringMatching(/^MIDTRANS_MERCHANT_ID: required in production/),
      ]),
    );
  });

  it('requires a real database in production', () => {
    const { DATABASE_URL: _url, ...withoutDatabase } = productionEnv;
    expect(problemsOf(withoutDatabase)).toEqual([expect.stringMatching(/^DATABASE_URL: required in production/)]);
  });

  it('never puts a secret value into its error messages', () => {
    const problems = problemsOf({
      ...productionEnv,
      DATABASE_URL: 'mysql://user:hunter2@x/db',
      SESSION_SECRET: 'short',
    });
    expect(problems.join('\n')).not.toMatch(/hunter2|short/);
  });

  it('refuses the placeholders of .env.example in production', () => {
    expect(problemsOf({ ...productionEnv, META_APP_SECRET: 'replace-with-your-meta-app-secret' })).toEqual([
      'META_APP_SECRET: still the placeholder from .env.example; set the real value',
    ]);
  });

  it('documents every variable it reads in .env.example', () => {
    const example = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});
