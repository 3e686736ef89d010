import type { CodegenConfig } from '@graphql-codegen/cli';

// SCHEMA_PATH exists for bootstrapping against a schema file that is not committed yet; the API emits the real one.
const schema = process.env.SCHEMA_PATH ?? 'schema/schema.graphql';
// The drift check (dashboard/test/codegen-drift.test.ts) generates into a temporary folder and compares.
const output = process.env.CODEGEN_OUTPUT_DIR ?? 'dashboard/app/graphql/';

const config: CodegenConfig = {
  schema,
  documents: ['dashboard/app/**/*.{ts,tsx}', '!dashboard/app/graphql/**'],
  ignoreNoDocuments: false,
  generates: {
    [output]: {
      preset: 'client',
      presetConfig: {
        // Documents are small and route-local; masking buys little and makes loaders unwrap every fragment.
        fragmentMasking: false,
      },
      config: {
        // Whole rupiah as JSON integers (api/src/graphql/scalars.ts).
        scalars: { DateTimeISO: 'string', Rupiah: 'number', PositiveRupiah: 'number' },
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
      },
    },
  },
};

export default config;
