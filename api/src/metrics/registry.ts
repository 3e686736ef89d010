import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry. Metrics are created on first use and found again after
 * that, so a module (campaigns and dispatch included) declares its own next to the code that
 * counts, and several app instances in one process (the tests) share them instead of colliding.
 * Every metric is prefixed `bizone_`; labels must come from a small, fixed set of values (never
 * a user's input, an id or a URL), or the series grow without bound.
 */
export const metricsRegistry = new Registry();

let defaultsCollected = false;

/** Node's own metrics (event loop lag, heap, GC, CPU), once per process, labelled with the process's role. */
export function collectProcessMetrics(role: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  metricsRegistry.setDefaultLabels({ role });
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'bizone_' });
}

function existing<T>(name: string): T | undefined {
  return metricsRegistry.getSingleMetric(name) as T | undefined;
}

export function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (
    existing<Counter<L>>(name) ??
    new Counter<L>({ name, help, labelNames: [...labelNames], registers: [metricsRegistry] })
  );
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
): Histogram<L> {
  return (
    existing<Histogram<L>>(name) ??
    new Histogram<L>({ name, help, labelNames: [...labelNames], buckets, registers: [metricsRegistry] })
  );
}

/**
 * A gauge read when Prometheus scrapes. `collect` is replaced by the latest caller: the gauge
 * describes the process's current job store, not the first one ever opened.
 */
export function gauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  collect?: (gauge: Gauge<L>) => Promise<void>,
): Gauge<L> {
  const found = existing<Gauge<L>>(name);
  const metric = found ?? new Gauge<L>({ name, help, labelNames: [...labelNames], registers: [metricsRegistry] });
  if (collect) {
    (metric as unknown as { collect: () => Promise<void> }).collect = async function (this: Gauge<L>) {
      this.reset();
      await collect(this);
    };
  }
  return metric;
}
