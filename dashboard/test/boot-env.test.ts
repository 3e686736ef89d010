import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const dashboardDir = join(__dirname, '..');

describe('the dashboard at boot', () => {
  it('refuses to start with an invalid environment, saying which variable and why, without a stack trace', () => {
    // `npm test` builds first; the server refuses to start without a build, which is another test's business.
    expect(existsSync(join(dashboardDir, 'build', 'server', 'index.js'))).toBe(true);
    const result = spawnSync(process.execPath, ['server.js'], {
      cwd: dashboardDir,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DASHBOARD_PORT: '0', API_INTERNAL_URL: 'api:3001' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('dashboard: Invalid dashboard environment:');
    expect(result.stderr).toContain('API_INTERNAL_URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
