import type { AppConfig } from '../config';
import { startMetaSimulator } from './meta';
import { startMidtransSimulator } from './midtrans';
import type { SimulatorHandle } from './simulator-server';

/**
 * The Meta (WhatsApp Cloud API) and Midtrans simulators for the offline demo and the tests.
 */
export async function startSimulators(config: AppConfig): Promise<SimulatorHandle[]> {
  if (!config.simulators.enabled) return [];
  const meta = await startMetaSimulator({
    port: config.simulators.metaPort,
    isProduction: config.isProduction,
    appId: config.meta.appId,
    appSecret: config.meta.appSecret,
    // The portal's own webhook on the API (nginx routes /api/webhooks/ there in production; the demo has no nginx).
    webhookUrl: `http://${config.api.host}:${config.api.port}/api/webhooks/whatsapp`,
  });
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
