import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { rupiah } from './core/money';

/**
 * The only place that reads process.env. Everything else receives a typed `AppConfig`.
 *
 * Defaults are for the embedded demo (`npm start`); `NODE_ENV=production` turns the
 * defaults that would be unsafe in production into errors (simulators, dev secrets,
 * missing Meta/Midtrans keys).
 */

/** Placeholder secrets that only exist so the embedded demo starts without configuration. */
export const DEVELOPMENT_SECRETS = {
  SESSION_SECRET: 'dev-only-session-secret-change-me-0123456789',
  ENCRYPTION_KEY: 'dev-only-encryption-key-change-me-0123456789',
  META_APP_SECRET: 'dev-only-meta-app-secret',
  META_VERIFY_TOKEN: 'dev-only-meta-verify-token',
  MIDTRANS_SERVER_KEY: 'dev-only-midtrans-server-key',
  MIDTRANS_CLIENT_KEY: 'dev-only-midtrans-client-key',
} as const;

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** 0 asks the OS for a free port (tests). */
const port = z.coerce.number().int().min(0).max(65535);

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'must be a postgres:// or postgresql:// URL');

const mongoUrl = z
  .string()
  .refine((value) => /^mongodb(\+srv)?:\/\/.+/.test(value), 'must be a mongodb:// or mongodb+srv:// URL');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3001),
  DASHBOARD_HOST: z.string().min(1).default('127.0.0.1'),
  DASHBOARD_PORT: port.default(3000),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: booleanString.default(false),

  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(20),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  EMBEDDED_DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: port.default(54329),

  MONGODB_URL: mongoUrl.optional(),
  JOBS_IN_PROCESS: booleanString.default(true),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  JOBS_LOCK_LIFETIME_MS: z.coerce.number().int().min(1000).max(3_600_000).default(600_000),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: port.optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),

  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).max(100_000).default(1000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).optional(),

  SESSION_SECRET: z.string().min(32).default(DEVELOPMENT_SECRETS.SESSION_SECRET),
  ENCRYPTION_KEY: z.string().min(32).default(DEVELOPMENT_SECRETS.ENCRYPTION_KEY),
  // The key before the last rotation: values sealed under it still open until `npm run channels:rotate-key` re-seals them.
  ENCRYPTION_KEY_PREVIOUS: z.string().min(32).optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),

  SIMULATORS: booleanString.optional(),
  META_SIMULATOR_PORT: port.default(3101),
  MIDTRANS_SIMULATOR_PORT: port.default(3102),

  META_GRAPH_BASE_URL: z.url().optional(),
  // Management API calls (template listing) per WABA per hour: Meta allows 200 (GATEWAYS.md 1.2); headroom for checks.
  META_WABA_CALLS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(150),
  META_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v21.0')
    .default('v21.0'),
  META_APP_ID: z
    .string()
    .regex(/^\d{1,25}$/, 'must be the numeric id of your Meta app')
    .optional(),
  META_APP_SECRET: z.string().min(8).optional(),
  META_VERIFY_TOKEN: z.string().min(8).optional(),

  MIDTRANS_ENV: z.enum(['sandbox', 'production']).default('sandbox'),
  MIDTRANS_SERVER_KEY: z.string().min(8).optional(),
  MIDTRANS_CLIENT_KEY: z.string().min(8).optional(),
  MIDTRANS_MERCHANT_ID: z.string().min(1).optional(),
  MIDTRANS_SNAP_BASE_URL: z.url().optional(),
  MIDTRANS_API_BASE_URL: z.url().optional(),
  MIDTRANS_ALLOWED_PAYMENT_TYPES: z.string().default('gopay,shopeepay,bank_transfer,credit_card'),
  MIDTRANS_NOTIFICATION_URL: z.url().optional(),
  MIDTRANS_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  MIDTRANS_EXPIRY_MINUTES: z.coerce.number().int().min(5).max(10_080).default(1440),
  MIDTRANS_RECONCILE_EVERY_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** The dashboard's CSP as Report-Only (for a first production top-up through Snap); read by dashboard/server.js. */
  CSP_REPORT_ONLY: booleanString.default(false),
  TOPUP_MAX_AMOUNT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of rupiah')
    .default('50000000')
    .transform((value) => rupiah(value))
    .refine((value) => value >= 50_000n && value <= 1_000_000_000n, 'must be between 50000 and 1000000000 rupiah'),
  PPN_MODE: z.enum(['none', 'inclusive', 'exclusive']).default('none'),
  PPN_RATE_PERCENT: z.coerce.number().int().min(0).max(100).default(12),
  PPN_TAX_BASE: z
    .string()
    .regex(/^\d+\/\d+$/, 'must be a fraction such as 11/12')
    .default('11/12'),

  // Contacts: the largest CSV an import accepts, and how long personal data that only served a
  // purpose for a while (inbound texts, import reports) is kept before the purge job erases it.
  CONTACT_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),

  // Broadcasts: the dispatch lease per channel (a dead worker's channel is taken over once it expires), how long an
  // unknown outcome waits for a status webhook before it is marked unconfirmed (never charged), how many days a
  // campaign may spread over the messaging limit before the estimate offers today's share only, and the pacing.
  CAMPAIGN_LEASE_TTL_MS: z.coerce.number().int().min(500).max(600_000).default(15_000),
  CAMPAIGN_UNKNOWN_DEADLINE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(7 * 24 * 3_600_000)
    .default(24 * 3_600_000),
  CAMPAIGN_MAX_SPREAD_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  CAMPAIGN_TICK_MS: z.coerce.number().int().min(200).max(600_000).default(5000),
  CAMPAIGN_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  // Each claim takes this long of the channel's throughput, just in time (dispatch/claim-window.ts): a crash leaves at
  // most a slice and a half of claimed, unsent messages UNKNOWN.
  CAMPAIGN_CLAIM_SLICE_MS: z.coerce.number().int().min(10).max(1000).default(100),
  CAMPAIGN_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(5000).default(256),
  CAMPAIGN_SEND_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),

  // Whole rupiah, parsed from its digits (never through a float) into the money type.
  PRICE_PER_MESSAGE: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of rupiah')
    .default('500')
    .transform((value) => rupiah(value))
    .refine((value) => value >= 1n && value <= 1_000_000n, 'must be between 1 and 1000000 rupiah'),
});

type Env = z.infer<typeof envSchema>;

/** Every variable the portal reads (documented one by one in .env.example). */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

/** .env.example's placeholders start like this; production must not run on them. */
const PLACEHOLDER_PREFIX = 'replace-with-';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function productionProblems(env: Env, simulators: boolean): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (simulators) problems.push('SIMULATORS: the Meta and Midtrans simulators cannot run with NODE_ENV=production');
  if (!env.DATABASE_URL) problems.push('DATABASE_URL: required in production (the embedded database is for demos)');
  for (const name of [...Object.keys(DEVELOPMENT_SECRETS), 'MIDTRANS_MERCHANT_ID', 'META_APP_ID'] as const) {
    const value = env[name as keyof Env];
    if (value === undefined) problems.push(`${name}: required in production`);
    else if (value === DEVELOPMENT_SECRETS[name as keyof typeof DEVELOPMENT_SECRETS])
      problems.push(`${name}: still the development default; set a real secret`);
    else if (String(value).startsWith(PLACEHOLDER_PREFIX))
      problems.push(`${name}: still the placeholder from .env.example; set the real value`);
  }
  return problems;
}

export type AppConfig = ReturnType<typeof toAppConfig>;

function toAppConfig(env: Env, simulators: boolean) {
  const dev = DEVELOPMENT_SECRETS;
  const midtransSnapDefault =
    env.MIDTRANS_ENV === 'production' ? 'https://app.midtrans.com' : 'https://app.sandbox.midtrans.com';
  const midtransApiDefault =
    env.MIDTRANS_ENV === 'production' ? 'https://api.midtrans.com' : 'https://api.sandbox.midtrans.com';
  const metaSimulatorUrl = `http://127.0.0.1:${env.META_SIMULATOR_PORT}`;
  const midtransSimulatorUrl = `http://127.0.0.1:${env.MIDTRANS_SIMULATOR_PORT}`;
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    api: { host: env.API_HOST, port: env.API_PORT, trustProxy: env.TRUST_PROXY },
    dashboard: { host: env.DASHBOARD_HOST, port: env.DASHBOARD_PORT, cspReportOnly: env.CSP_REPORT_ONLY },
    publicUrl: env.PUBLIC_URL ?? `http://${env.DASHBOARD_HOST}:${env.DASHBOARD_PORT}`,
    database: {
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: env.DATABASE_LOCK_TIMEOUT_MS,
      acquireTimeoutMs: env.DATABASE_ACQUIRE_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    embedded: { dataDir: env.EMBEDDED_DATA_DIR, postgresPort: env.EMBEDDED_PG_PORT },
    jobs: {
      mongoUrl: env.MONGODB_URL,
      inProcess: env.JOBS_IN_PROCESS,
      concurrency: env.JOBS_CONCURRENCY,
      pollMs: env.JOBS_POLL_MS,
      lockLifetimeMs: env.JOBS_LOCK_LIFETIME_MS,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    /** Prometheus' /metrics on its own loopback listener; unset: no listener. */
    metrics: env.METRICS_PORT === undefined ? undefined : { host: env.METRICS_HOST, port: env.METRICS_PORT },
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxComplexity: env.GRAPHQL_MAX_COMPLEXITY,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      // Off in production unless asked for: the schema is public in schema/schema.graphql anyway, but an
      // attacker's tooling should not get a map (nor "did you mean" hints) from the live endpoint.
      introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'true' : env.NODE_ENV !== 'production',
    },
    secrets: {
      session: env.SESSION_SECRET,
      encryptionKey: env.ENCRYPTION_KEY,
      previousEncryptionKey: env.ENCRYPTION_KEY_PREVIOUS,
    },
    adminPassword: env.ADMIN_PASSWORD,
    simulators: {
      enabled: simulators,
      metaPort: env.META_SIMULATOR_PORT,
      midtransPort: env.MIDTRANS_SIMULATOR_PORT,
    },
    meta: {
      graphBaseUrl: env.META_GRAPH_BASE_URL ?? (simulators ? metaSimulatorUrl : 'https://graph.facebook.com'),
      apiVersion: env.META_API_VERSION,
      wabaCallsPerHour: env.META_WABA_CALLS_PER_HOUR,
      // The simulator's app in the demo and the tests; production must name the real one.
      appId: env.META_APP_ID ?? '1000000000000001',
      appSecret: env.META_APP_SECRET ?? dev.META_APP_SECRET,
      verifyToken: env.META_VERIFY_TOKEN ?? dev.META_VERIFY_TOKEN,
    },
    midtrans: {
      env: env.MIDTRANS_ENV,
      serverKey: env.MIDTRANS_SERVER_KEY ?? dev.MIDTRANS_SERVER_KEY,
      clientKey: env.MIDTRANS_CLIENT_KEY ?? dev.MIDTRANS_CLIENT_KEY,
      merchantId: env.MIDTRANS_MERCHANT_ID ?? 'G000000000',
      snapBaseUrl: env.MIDTRANS_SNAP_BASE_URL ?? (simulators ? midtransSimulatorUrl : midtransSnapDefault),
      apiBaseUrl: env.MIDTRANS_API_BASE_URL ?? (simulators ? midtransSimulatorUrl : midtransApiDefault),
      allowedPaymentTypes: env.MIDTRANS_ALLOWED_PAYMENT_TYPES.split(',')
        .map((type) => type.trim())
        .filter(Boolean),
      notificationUrl:
        env.MIDTRANS_NOTIFICATION_URL ??
        `${(env.PUBLIC_URL ?? `http://${env.DASHBOARD_HOST}:${env.DASHBOARD_PORT}`).replace(/\/$/, '')}/api/wallet/midtrans/notification`,
      timeoutMs: env.MIDTRANS_TIMEOUT_MS,
      expiryMinutes: env.MIDTRANS_EXPIRY_MINUTES,
      reconcileEveryMs: env.MIDTRANS_RECONCILE_EVERY_MS,
    },
    topup: { minimum: rupiah(50_000), maximum: env.TOPUP_MAX_AMOUNT },
    ppn: {
      mode: env.PPN_MODE,
      ratePercent: env.PPN_RATE_PERCENT,
      taxBase: env.PPN_TAX_BASE.split('/').map(Number) as [number, number],
    },
    pricePerMessage: env.PRICE_PER_MESSAGE,
    campaigns: {
      leaseTtlMs: env.CAMPAIGN_LEASE_TTL_MS,
      unknownDeadlineMs: env.CAMPAIGN_UNKNOWN_DEADLINE_MS,
      maxSpreadDays: env.CAMPAIGN_MAX_SPREAD_DAYS,
      tickMs: env.CAMPAIGN_TICK_MS,
      batchSize: env.CAMPAIGN_BATCH_SIZE,
      claimSliceMs: env.CAMPAIGN_CLAIM_SLICE_MS,
      maxInFlight: env.CAMPAIGN_MAX_IN_FLIGHT,
      sendTimeoutMs: env.CAMPAIGN_SEND_TIMEOUT_MS,
    },
    contacts: {
      importMaxBytes: env.CONTACT_IMPORT_MAX_BYTES,
      retentionDays: env.PERSONAL_DATA_RETENTION_DAYS,
    },
  };
}

/**
 * Parses an environment into the typed configuration, collecting every problem at once
 * so that an operator fixes them in one round.
 */
export function parseConfig(source: NodeJS.ProcessEnv): AppConfig {
  // Empty strings come from `VAR=` lines in env files: treat them as unset.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const env = result.data;
  // Simulators are on by default outside production so the demo works offline.
  const simulators = env.SIMULATORS ?? env.NODE_ENV !== 'production';
  const problems = productionProblems(env, simulators);
  if (problems.length > 0) throw new ConfigError(problems);
  return toAppConfig(env, simulators);
}

/** Variables from a `.env` file in the working directory, if there is one (the real environment wins). */
function readDotEnv(directory: string): Record<string, string> {
  const file = resolve(directory, '.env');
  return existsSync(file) ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** Reads `process.env` (and `.env`) once; entry points call this, nothing else does. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return parseConfig({ ...readDotEnv(process.cwd()), ...process.env, ...overrides });
}
