import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './schema';

/**
 * Writes schema/schema.graphql from the resolvers (`npm run schema`), or with `--check`
 * fails when the committed file differs from what the resolvers produce (CI drift check).
 */
const SCHEMA_FILE = resolve(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
const HEADER = '# Generated from the type-graphql resolvers by `npm run schema`. Do not edit.\n\n';

export async function renderSchema(): Promise<string> {
  const schema = await buildApiSchema();
  return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main(): Promise<void> {
  const rendered = await renderSchema();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== rendered) {
      process.stderr.write('schema/schema.graphql is out of date: run `npm run schema` and commit it.\n');
      process.exit(1);
    }
    process.stdout.write('schema/schema.graphql is up to date.\n');
    return;
  }
  writeFileSync(SCHEMA_FILE, rendered);
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
