import { EventEmitter } from 'node:events';
import { createLogger } from '../../src/core/logger';
import { guardProcess } from '../../src/lifecycle';

/** A process with the guard on, that then suffers what argv[2] names (for lifecycle-guard.test.ts). */
const logger = createLogger('info');
guardProcess(logger);
const fault = process.argv[2];
if (fault === 'dropped-connection') {
  // An 'error' event nobody listens to, as a driver's idle client emits on a server restart.
  setImmediate(() =>
    new EventEmitter().emit('error', Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' })),
  );
  void Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
  setTimeout(() => {
    process.stdout.write('still alive\n');
    process.exit(0);
  }, 200);
} else {
  void Promise.reject(new TypeError("Cannot read properties of undefined (reading 'id')"));
  setTimeout(() => process.exit(0), 2000);
}
