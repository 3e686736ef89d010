import { loadConfig } from '../../config';
import { startMetaSimulator } from './index';

/**
 * The Meta simulator as a process of its own (`node api/dist/simulators/meta/standalone.js [--webhook-url=URL]`),
 * for benchmarks and tests that must not share an event loop with it: prints `{"url": ...}` once listening, is
 * driven through the `/__simulator/meta/*` control routes (accounts included), stops on SIGTERM or SIGINT. Port,
 * app id and secret come from the configuration (META_SIMULATOR_PORT, 0 for any free port; META_APP_ID;
 * META_APP_SECRET); refused in production like every simulator.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const webhookUrl = process.argv.find((argument) => argument.startsWith('--webhook-url='))?.split('=')[1];
  const meta = await startMetaSimulator({
    port: config.simulators.metaPort,
    isProduction: config.isProduction,
    appId: config.meta.appId,
    appSecret: config.meta.appSecret,
    webhookUrl,
  });
  process.stdout.write(`${JSON.stringify({ url: meta.url })}\n`);
  const stop = () => void meta.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
