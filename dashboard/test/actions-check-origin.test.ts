import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const routesDir = join(__dirname, '..', 'app', 'routes');

function routeModules(): string[] {
  return (
    readdirSync(routesDir, { recursive: true, encoding: 'utf8' })
      // Flat route files, and the `route.tsx` of folder routes (the other files in a folder are not routes).
      .filter((file) => (file.includes('/') ? file.endsWith('/route.tsx') : file.endsWith('.tsx')))
      .map((file) => join(routesDir, file))
  );
}

/** Every action starts with the origin check (app/utils/csrf.server.ts); a new one without it fails here. */
describe('route actions', () => {
  it('all call requireSameOrigin(request) before anything else', () => {
    const withAction = routeModules().filter((file) =>
      /export (async )?function action\b/.test(readFileSync(file, 'utf8')),
    );
    expect(withAction.length).toBeGreaterThanOrEqual(8);
    const unchecked = withAction.filter((file) => {
      const source = readFileSync(file, 'utf8');
      const body = source.slice(source.search(/export (async )?function action\b/));
      const firstStatement = body.slice(body.indexOf('{', body.indexOf(')')) + 1).trim();
      return !firstStatement.startsWith('requireSameOrigin(request);');
    });
    expect(unchecked.map((file) => relative(routesDir, file))).toEqual([]);
  });
});
