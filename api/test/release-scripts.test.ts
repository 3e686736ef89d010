import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const REPO = join(__dirname, '..', '..');

/** The command-line entries a production host runs, by npm script, and the built file each must end in. */
const ENTRIES = {
  'db:migrate': 'api/dist/db/migrate-cli.js',
  'seed:admin': 'api/dist/db/seed-admin-cli.js',
  'channels:rotate-key': 'api/dist/db/channels-rotate-key-cli.js',
} as const;

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/**
 * A directory laid out as a release: the repository's own package.json (its scripts) and build step, the API's
 * build output, and no node_modules at all (no compiler, as after `npm ci --omit=dev`). Each built entry is a
 * stand-in that prints its name and arguments, so what ran is plain to see.
 */
function release(options: { sources?: boolean; built?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'bz-release-'));
  for (const path of ['package.json', 'package-lock.json', 'api/package.json', 'ops/build/build-changed.js']) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    copyFileSync(join(REPO, path), join(root, path));
  }
  if (options.built ?? true) {
    write(root, 'api/dist/launch/portal.js', '');
    for (const entry of Object.values(ENTRIES)) {
      write(root, entry, `console.log(['ran', ${JSON.stringify(entry)}, ...process.argv.slice(2)].join(' '));\n`);
    }
  }
  if (options.sources) write(root, 'api/src/main.ts', 'export {};\n');
  return root;
}

function npmRun(cwd: string, script: string, args: string[] = []) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
      { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the operator commands in a production release (no devDependencies)', () => {
  const roots: string[] = [];
  const make = (options?: Parameters<typeof release>[0]) => {
    const root = release(options);
    roots.push(root);
    return root;
  };
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('run their built entry, with their arguments, where only the build output is (no sources, no compiler)', async () => {
    const root = make();
    expect(await npmRun(root, 'db:migrate')).toEqual({
      code: 0,
      stdout: 'ran api/dist/db/migrate-cli.js\n',
      stderr: '',
    });
    expect(await npmRun(root, 'seed:admin', ['--production'])).toEqual({
      code: 0,
      stdout: 'ran api/dist/db/seed-admin-cli.js --production\n',
      stderr: '',
    });
    expect(await npmRun(root, 'channels:rotate-key', ['--batch=50'])).toEqual({
      code: 0,
      stdout: 'ran api/dist/db/channels-rotate-key-cli.js --batch=50\n',
      stderr: '',
    });
  });

  it('run the build output of a pruned checkout whose sources it cannot compile, saying so', async () => {
    const root = make({ sources: true });
    const migrated = await npmRun(root, 'db:migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toBe('ran api/dist/db/migrate-cli.js\n');
    expect(migrated.stderr).toContain('running the build output as it is');
    expect(migrated.stderr).toContain('typescript/package.json');
  });

  it('run the build output of a pruned checkout built from these very sources without a word', async () => {
    const root = make({ sources: true });
    // The hash `npm run build` records beside the output, computed by the build step itself in that checkout.
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          '-e',
          "const b = require('./ops/build/build-changed.js'); const api = b.parts.find((p) => p.name === 'api');" +
            "require('node:fs').writeFileSync(api.stamp, b.fingerprint(api.inputs));",
        ],
        { cwd: root },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    expect(await npmRun(root, 'db:migrate')).toEqual({
      code: 0,
      stdout: 'ran api/dist/db/migrate-cli.js\n',
      stderr: '',
    });
  });

  it('refuse, naming the build, where there is neither build output nor the means to build it', async () => {
    const root = make({ built: false });
    const migrated = await npmRun(root, 'db:migrate');
    expect(migrated.code).not.toBe(0);
    expect(migrated.stdout).toBe('');
    expect(migrated.stderr).toContain('api has no build output (api/dist/launch/portal.js)');
    expect(migrated.stderr).toContain('npm ci && npm run build');
  });
});
