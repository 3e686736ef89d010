import type { AppConfig } from '../config';
import { startMidtransSimulator } from './midtrans';
import { startSimulator, type SimulatorHandle } from './simulator-server';

/**
 * The Meta (WhatsApp Cloud API) and Midtrans simulators for the offline demo and the tests.
 * The Meta one's routes arrive with the WhatsApp module; until then it only answers
 * `GET /__simulator`.
 */
export async function startSimulators(config: AppConfig): Promise<SimulatorHandle[]> {
  if (!config.simulators.enabled) return [];
  const meta = await startSimulator('meta', config.simulators.metaPort, config.isProduction, () => undefined);
  try {
    const midtrans = await startMidtransSimulator({
      port: config.simulators.midtransPort,
      isProduction: config.isProduction,
      serverKey: config.midtrans.serverKey,
      merchantId: config.midtrans.merchantId,
    });
    return [meta, midtrans];
  } catch (error) {
    await meta.close();
    throw error;
  }
}

export type { SimulatorHandle };
