import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { typescriptNodeArgs } from './support/typescript-runner';

const run = promisify(execFile);
const SCRIPT = join(__dirname, 'support', 'guarded-process.ts');

describe('the process guard', () => {
  it('logs a dropped dependency connection with its context and keeps the process alive', async () => {
    const { stdout } = await run(process.execPath, [...typescriptNodeArgs(SCRIPT), 'dropped-connection'], {
      cwd: join(__dirname, '..'),
    });
    expect(stdout).toContain('still alive');
    expect(stdout).toContain('a dependency connection failed outside a request');
  });

  it('stops loudly (exit 1, logged as fatal) on a programming error', async () => {
    const failure = await run(process.execPath, [...typescriptNodeArgs(SCRIPT), 'bug'], {
      cwd: join(__dirname, '..'),
    }).catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stdout: string }).stdout).toMatch(/"level":"fatal".*unexpected error: stopping the process/);
  });
});
