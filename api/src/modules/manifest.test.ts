import { parseConfig } from '../config';
import { ManualClock } from '../core/clock';
import { createLogger } from '../core/logger';
import { ServiceContainer } from '../graphql/container';
import { DeferredJobQueue } from '../jobs/queue';
import { buildServices, defineModule } from './manifest';

const deps = {
  config: parseConfig({}),
  clock: new ManualClock(0),
  logger: createLogger('silent'),
  jobs: new DeferredJobQueue(),
};

class Ledger {
  entries: string[] = [];
}
class Billing {
  constructor(readonly ledger: Ledger) {}
}

const ledgerModule = defineModule({ name: 'ledger', services: () => ({ ledger: new Ledger() }) });
const billingModule = defineModule<'billing', { billing: Billing }, { ledger: { ledger: Ledger } }>({
  name: 'billing',
  requires: ['ledger'],
  services: (_deps, { ledger }) => ({ billing: new Billing(ledger.ledger) }),
});

describe('module manifests', () => {
  it('build services in list order, handing each module the services it requires', () => {
    const services = buildServices([ledgerModule, billingModule], deps);
    expect(services.billing.billing.ledger).toBe(services.ledger.ledger);
  });

  it('hand a module the manifests listed before it, so a gatherer (the search) sees only those', () => {
    const seen: string[][] = [];
    const gatherer = defineModule({
      name: 'gatherer',
      services: (_deps, _needs, earlier) => {
        seen.push(earlier.map((module) => module.name));
        return {};
      },
    });
    buildServices([ledgerModule, gatherer, billingModule], deps);
    expect(seen).toEqual([['ledger']]);
  });

  it('stop at start-up when a module comes before one it requires', () => {
    expect(() => buildServices([billingModule, ledgerModule], deps)).toThrow(
      'module billing requires ledger: list those modules before it',
    );
  });
});

describe('the resolver container', () => {
  class UsesBilling {
    constructor(readonly billing: Billing) {}
  }
  class UsesSomethingElse {
    constructor(readonly other: Date) {}
  }
  // Constructor parameter types, as TypeScript's emitDecoratorMetadata records them on a decorated class.
  Reflect.defineMetadata('design:paramtypes', [Billing], UsesBilling);
  Reflect.defineMetadata('design:paramtypes', [Date], UsesSomethingElse);

  const services = buildServices([ledgerModule, billingModule], deps);

  it('builds a resolver once, with the service instance of its parameter’s class', () => {
    const container = new ServiceContainer(services);
    const resolver = container.get(UsesBilling) as UsesBilling;
    expect(resolver.billing).toBe(services.billing.billing);
    expect(container.get(UsesBilling)).toBe(resolver);
  });

  it('names the resolver and the missing service when no module provides it', () => {
    expect(() => new ServiceContainer(services).prepare([UsesSomethingElse])).toThrow(
      /UsesSomethingElse needs Date, which no module provides/,
    );
  });
});
