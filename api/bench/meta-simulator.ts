import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './support';

/**
 * How many sends per second the Meta simulator answers in its own process, so the dispatcher's benchmarks know it
 * is not their bottleneck (issue 19 asks for >= 5,000/s unthrottled): template sends to varied recipients with
 * throughput and pair-rate enforcement off, 0 ms latency; once without status webhooks, once with sent and
 * delivered webhooks POSTed to a sink in this process.
 */
export interface SimulatorThroughput {
  withoutWebhooks: Run;
  withWebhooks: Run & { statusesReceived: number };
}

interface Run {
  sendsPerSecond: number;
  /** The simulator process's CPU (user + system) per 1,000 answered sends: what it costs whatever the load. */
  cpuMsPer1000: number;
  /** 1,000 / cpuMsPer1000 × 1,000: the sends per second one core would answer. */
  sendsPerCoreSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  connections: number;
  durationS: number;
}

const TOKEN = 'EAAG-bench-token';
const PHONE = '106540352242922';

async function startSimulatorProcess(webhookUrl?: string): Promise<{ child: ChildProcess; url: string }> {
  const script = join(REPO_ROOT, 'api', 'dist', 'simulators', 'meta', 'standalone.js');
  const child = spawn(process.execPath, [script, ...(webhookUrl ? [`--webhook-url=${webhookUrl}`] : [])], {
    env: { PATH: process.env.PATH, META_SIMULATOR_PORT: '0', META_APP_SECRET: 'bench-app-secret', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  const control = (path: string, body: unknown) =>
    fetch(`${url}/__simulator/meta/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await control('accounts', {
    wabaId: '102290129340398',
    token: TOKEN,
    numbers: [
      {
        id: PHONE,
        displayPhoneNumber: '+62 811-0000-0000',
        verifiedName: 'Bench',
        qualityRating: 'GREEN',
        throughputLevel: 'HIGH',
        isOnBizApp: false,
      },
    ],
    templates: [
      {
        name: 'promo',
        language: 'id',
        status: 'APPROVED',
        category: 'MARKETING',
        parameter_format: 'NAMED',
        components: [{ type: 'BODY', text: 'Halo {{first_name}}, diskon {{discount}}.' }],
      },
    ],
  });
  await control('config', { enforceThroughput: false, enforcePairRate: false });
  return { child, url };
}

/** A process's user + system CPU time in ms, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(child: ChildProcess, url: string, durationS: number, connections: number): Promise<Run> {
  let counter = 0;
  const options = {
    url: `${url}/v25.0/${PHONE}/messages`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    connections,
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          counter += 1;
          return {
            ...request,
            body: JSON.stringify({
              messaging_product: 'whatsapp',
              to: `628${String(1_000_000_000 + (counter % 1_000_000))}`,
              type: 'template',
              template: {
                name: 'promo',
                language: { code: 'id' },
                components: [
                  {
                    type: 'body',
                    parameters: [
                      { type: 'text', parameter_name: 'first_name', text: 'Budi' },
                      { type: 'text', parameter_name: 'discount', text: '20%' },
                    ],
                  },
                ],
              },
              biz_opaque_callback_data: `cm_1:r_${counter}`,
            }),
          };
        },
      },
    ],
  };
  await autocannon({ ...options, duration: 2 }); // warm-up
  const cpuBefore = cpuMsOf(child.pid!);
  const result = await autocannon({ ...options, duration: durationS });
  const cpuMsPer1000 = ((cpuMsOf(child.pid!) - cpuBefore) / result.requests.total) * 1000;
  return {
    sendsPerSecond: Math.round(result.requests.average),
    cpuMsPer1000: Math.round(cpuMsPer1000 * 10) / 10,
    sendsPerCoreSecond: Math.round((1000 / cpuMsPer1000) * 1000),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    connections,
    durationS,
  };
}

export async function benchMetaSimulator(durationS = 10, connections = 50): Promise<SimulatorThroughput> {
  const plain = await startSimulatorProcess();
  let withoutWebhooks: Run;
  try {
    withoutWebhooks = await load(plain.child, plain.url, durationS, connections);
  } finally {
    plain.child.kill('SIGTERM');
  }
  let statusesReceived = 0;
  const sink: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      statusesReceived += body.split('"status":').length - 1;
      response.end();
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const address = sink.address();
  const sinkUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/webhooks/whatsapp`;
  const hooked = await startSimulatorProcess(sinkUrl);
  try {
    const run = await load(hooked.child, hooked.url, durationS, connections);
    return { withoutWebhooks, withWebhooks: { ...run, statusesReceived } };
  } finally {
    hooked.child.kill('SIGTERM');
    sink.close();
  }
}

export function describeMetaSimulator(result: SimulatorThroughput): string[] {
  const line = (what: string, run: Run) =>
    `Meta simulator sends ${what}: ${run.sendsPerSecond}/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ` +
    `CPU ${run.cpuMsPer1000} ms per 1,000 (${run.sendsPerCoreSecond}/s per core) ` +
    `(${run.connections} connections, ${run.durationS} s, errors ${run.errors}, non-2xx ${run.non2xx})`;
  return [
    line('without webhooks', result.withoutWebhooks),
    `${line('with sent+delivered webhooks', result.withWebhooks)}, statuses received ${result.withWebhooks.statusesReceived}`,
  ];
}
