import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');
const COMMITTED = join(REPO_ROOT, 'dashboard', 'app', 'graphql');

/**
 * The typed documents in dashboard/app/graphql must be what codegen makes from
 * schema/schema.graphql and the documents beside the routes. A resolver or document change
 * without `npm run schema && npm run codegen` fails here (and so fails CI).
 */
describe('generated GraphQL types', () => {
  it('match schema/schema.graphql and the route documents (run `npm run codegen`)', () => {
    const output = mkdtempSync(join(tmpdir(), 'bizone-codegen-'));
    try {
      execFileSync(
        process.execPath,
        [
          join(REPO_ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'),
          '--config',
          'codegen.ts',
          '--silent',
        ],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, CODEGEN_OUTPUT_DIR: `${output}/` },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      const files = readdirSync(COMMITTED).sort();
      expect(readdirSync(output).sort()).toEqual(files);
      for (const file of files) {
        expect({ file, text: readFileSync(join(output, file), 'utf8') }).toEqual({
          file,
          text: readFileSync(join(COMMITTED, file), 'utf8'),
        });
      }
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });
});
