import { startSimulator, type SimulatorHandle } from '../simulator-server';
import { MetaSimulator } from './meta-simulator';

export { MetaSimulator, graphError, type SimulatedAccount, type SimulatedNumber } from './meta-simulator';

export interface MetaSimulatorHandle extends SimulatorHandle {
  simulator: MetaSimulator;
}

/** Starts the WhatsApp Cloud API simulator (refused in production by startSimulator). */
export async function startMetaSimulator(options: {
  port: number;
  isProduction: boolean;
  appId: string;
}): Promise<MetaSimulatorHandle> {
  const simulator = new MetaSimulator(options.appId);
  const handle = await startSimulator('meta', options.port, options.isProduction, simulator.mount);
  return { ...handle, simulator };
}
