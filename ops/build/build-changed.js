#!/usr/bin/env node
// `npm start`'s build step: builds the API and the dashboard only when their sources changed since the
// last build, so a second start with nothing changed goes straight to starting (the full build costs ~7 s
// here, almost all of a restart). A part is rebuilt when the SHA-256 over its inputs' paths and contents
// differs from the one recorded beside its output, or when that output is missing. `npm run build` runs
// this with --always: everything is built, and the recorded hashes stay true to what was built.
//
// `--only=api` is the step before the API's command-line entries (`npm run db:migrate`, `seed:admin`,
// `channels:rotate-key`), which must work in a production release too: there the devDependencies are pruned
// (no compiler) and the sources may be absent altogether (a release of the build output only). A part that
// cannot be built there runs from the build output as it is, saying so when its sources changed since; only a
// part with neither build output nor the means to build it fails, naming the command that builds it.
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..', '..');

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name === 'node_modules' ? [] : files(join(path, name))));
}

function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => files(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const shared = ['package-lock.json', 'package.json', 'tsconfig.base.json'];
const parts = [
  {
    name: 'api',
    inputs: [...shared, 'api/src', 'api/package.json', 'api/tsconfig.json', 'api/tsconfig.build.json'],
    stamp: 'api/dist/.source-hash',
    output: 'api/dist/launch/portal.js',
    sources: 'api/src',
    // What `tsc -p api/tsconfig.build.json` needs beyond the sources: both are devDependencies (typescript may stay
    // in a production install as an optional peer of i18next, @types/node does not).
    compiler: ['typescript/package.json', '@types/node/package.json'],
  },
  {
    name: 'dashboard',
    inputs: [
      ...shared,
      'dashboard/app',
      'dashboard/public',
      'dashboard/package.json',
      'dashboard/vite.config.ts',
      'dashboard/tsconfig.json',
    ],
    stamp: 'dashboard/build/.source-hash',
    output: 'dashboard/build/server/index.js',
    sources: 'dashboard/app',
    compiler: ['@remix-run/dev/package.json', 'vite/package.json'],
  },
];

/** Why this checkout cannot build the part (no sources, no compiler), or null when it can. */
function unbuildable(part) {
  if (!existsSync(join(root, part.sources))) return `its sources (${part.sources}) are not here`;
  const missing = part.compiler.filter((name) => {
    try {
      require.resolve(name, { paths: [root] });
      return false;
    } catch {
      return true;
    }
  });
  return missing.length > 0 ? `the devDependencies that build it are not installed (${missing.join(', ')})` : null;
}

function main(argv) {
  const always = argv.includes('--always');
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const chosen = only ? parts.filter((part) => part.name === only) : parts;
  if (chosen.length === 0)
    throw new Error(`--only=${only}: no such part (${parts.map((part) => part.name).join(', ')})`);
  for (const part of chosen) {
    const hash = fingerprint(part.inputs);
    const stamp = join(root, part.stamp);
    const built = existsSync(join(root, part.output));
    const current = existsSync(stamp) && built ? readFileSync(stamp, 'utf8') : '';
    if (current === hash && !always) continue;
    const why = always ? null : unbuildable(part);
    if (why) {
      if (!built) {
        process.stderr.write(`${part.name} has no build output (${part.output}) and cannot be built here: ${why}.\n`);
        process.stderr.write('Build it where the devDependencies are installed: npm ci && npm run build\n');
        process.exit(1);
      }
      // A release: the build output is what runs. Sources beside it that may be newer are worth a word.
      if (existsSync(join(root, part.sources))) {
        process.stderr.write(
          `${part.name}: the sources may have changed since the build (no matching ${part.stamp}), but ${why}: ` +
            'running the build output as it is\n',
        );
      }
      continue;
    }
    if (!always) process.stdout.write(`building ${part.name} (sources changed)\n`);
    execFileSync('npm', ['run', 'build', '-w', part.name, '--silent'], { cwd: root, stdio: 'inherit' });
    writeFileSync(stamp, hash);
  }
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { fingerprint, parts };
