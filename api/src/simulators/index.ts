import type { AppConfig } from '../config';
import { startSimulator, type SimulatorHandle } from './simulator-server';

/**
 * The Meta (WhatsApp Cloud API) and Midtrans simulators for the offline demo and the tests.
 * Their routes arrive with the WhatsApp and wallet modules; until then each only answers
 * `GET /__simulator`.
 */
export async function startSimulators(config: AppConfig): Promise<SimulatorHandle[]> {
  if (!config.simulators.enabled) return [];
  const meta = await startSimulator('meta', config.simulators.metaPort, config.isProduction, () => undefined);
  try {
    const midtrans = await startSimulator(
      'midtrans',
      config.simulators.midtransPort,
      config.isProduction,
      () => undefined,
    );
    return [meta, midtrans];
  } catch (error) {
    await meta.close();
    throw error;
  }
}

export type { SimulatorHandle };
