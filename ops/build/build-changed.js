#!/usr/bin/env node
// `npm start`'s build step: builds the API and the dashboard only when their sources changed since the
// last build, so a second start with nothing changed goes straight to starting (the full build costs ~7 s
// here, almost all of a restart). A part is rebuilt when the SHA-256 over its inputs' paths and contents
// differs from the one recorded beside its output, or when that output is missing. `npm run build` runs
// this with --always: everything is built, and the recorded hashes stay true to what was built.
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
  },
];

const always = process.argv.includes('--always');

for (const part of parts) {
  const hash = fingerprint(part.inputs);
  const stamp = join(root, part.stamp);
  const current = existsSync(stamp) && existsSync(join(root, part.output)) ? readFileSync(stamp, 'utf8') : '';
  if (current === hash && !always) continue;
  if (!always) process.stdout.write(`building ${part.name} (sources changed)\n`);
  execFileSync('npm', ['run', 'build', '-w', part.name, '--silent'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, hash);
}
