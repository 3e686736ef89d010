import type { Clock } from '../../core/clock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerFacts {
  name: string;
  version: string;
  time: Date;
}

function readVersion(): string {
  // package.json sits two folders above both src/modules/system and dist/modules/system.
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

const version = readVersion();

export class SystemService {
  constructor(private readonly clock: Clock) {}

  serverInfo(): ServerFacts {
    return { name: 'BizOne Portal', version, time: this.clock.now() };
  }
}
