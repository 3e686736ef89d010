import { systemClock, type Clock } from '../../core/clock';
import { startSimulator, type SimulatorHandle } from '../simulator-server';
import { MidtransSimulator } from './midtrans-simulator';

export { MidtransSimulator, retriesAfter, RETRY_INTERVALS_MIN } from './midtrans-simulator';

export interface MidtransSimulatorHandle extends SimulatorHandle {
  simulator: MidtransSimulator;
}

/** Starts the Midtrans simulator (refused in production by startSimulator). */
export async function startMidtransSimulator(options: {
  port: number;
  isProduction: boolean;
  serverKey: string;
  merchantId: string;
  clock?: Clock;
  notificationUrl?: string;
  /** Retries due by the clock are sent this often (0: only when asked, as tests do). */
  retryPollMs?: number;
}): Promise<MidtransSimulatorHandle> {
  const simulator = new MidtransSimulator({
    serverKey: options.serverKey,
    merchantId: options.merchantId,
    clock: options.clock ?? systemClock,
    notificationUrl: options.notificationUrl,
  });
  const handle = await startSimulator('midtrans', options.port, options.isProduction, simulator.mount);
  simulator.setBaseUrl(handle.url);
  const pollMs = options.retryPollMs ?? 1000;
  const timer = pollMs > 0 ? setInterval(() => void simulator.deliverDue(), pollMs) : undefined;
  timer?.unref();
  return {
    ...handle,
    simulator,
    close: async () => {
      if (timer) clearInterval(timer);
      await handle.close();
    },
  };
}
