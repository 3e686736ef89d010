import type { Clock } from '../../core/clock';
import { startSimulator, type SimulatorHandle } from '../simulator-server';
import { MetaSimulator } from './meta-simulator';

export { MetaSimulator, type SimulatedAccount, type SimulatedNumber } from './meta-simulator';
export { graphError, webhookError, statusOf, type GraphErrorBody, type WebhookError } from './graph-errors';
export {
  CloudApiSends,
  DEFAULT_SEND_SETTINGS,
  throughputOf,
  type InboundRequest,
  type MessageStatus,
  type SendSettings,
} from './cloud-api-sends';
export type { InboundContent } from './inbound-messages';
export type { ErrorInjection, FaultInjection, SendSelector } from './injections';
export { SendLedger } from './send-ledger';
export {
  DEFAULT_WEBHOOK_SETTINGS,
  type StatusUpdate,
  type WebhookDelivery,
  type WebhookSettings,
} from './status-webhooks';

export interface MetaSimulatorHandle extends SimulatorHandle {
  simulator: MetaSimulator;
}

/** Starts the WhatsApp Cloud API simulator (refused in production by startSimulator). */
export async function startMetaSimulator(options: {
  port: number;
  isProduction: boolean;
  appId: string;
  /** Signs status and inbound webhooks (X-Hub-Signature-256). */
  appSecret?: string;
  /** Where webhooks go (the portal's /api/webhooks/whatsapp). */
  webhookUrl?: string;
  clock?: Clock;
  /** Webhooks due by the clock are delivered this often (0: only when asked, as tests on a ManualClock do). */
  deliverEveryMs?: number;
}): Promise<MetaSimulatorHandle> {
  const simulator = new MetaSimulator(options.appId, options);
  const handle = await startSimulator(
    'meta',
    options.port,
    options.isProduction,
    simulator.mount,
    simulator.sends.fastPath,
  );
  const everyMs = options.deliverEveryMs ?? 20;
  const timer = everyMs > 0 ? setInterval(() => void simulator.sends.webhooks.deliverDue(), everyMs) : undefined;
  timer?.unref();
  return {
    ...handle,
    simulator,
    close: async () => {
      if (timer) clearInterval(timer);
      simulator.sends.close();
      await handle.close();
    },
  };
}
