import { loadConfig } from '../../config';
import { startMidtransSimulator } from './index';

/**
 * The Midtrans simulator as a process of its own (`node api/dist/simulators/midtrans/standalone.js`), for
 * benchmarks that must measure the API's CPU alone, as in production where Midtrans is another machine: prints
 * `{"url": ...}` once listening, is driven through its Snap, Get Status and `/__simulator/midtrans/*` routes,
 * stops on SIGTERM or SIGINT. Port, server key and merchant id come from the configuration
 * (MIDTRANS_SIMULATOR_PORT, 0 for any free port; MIDTRANS_SERVER_KEY; MIDTRANS_MERCHANT_ID); refused in
 * production like every simulator.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const midtrans = await startMidtransSimulator({
    port: config.simulators.midtransPort,
    isProduction: config.isProduction,
    serverKey: config.midtrans.serverKey,
    merchantId: config.midtrans.merchantId,
  });
  process.stdout.write(`${JSON.stringify({ url: midtrans.url })}\n`);
  const stop = () => void midtrans.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
