import type { ContainerType } from 'type-graphql';
import type { ClassType } from '../modules/manifest';

/**
 * How resolvers get their services: by constructor injection, keyed by class. The
 * composition root registers every service instance the modules built; a resolver declares
 * `constructor(private readonly members: MembersService)` and receives that instance. Each
 * resolver is built once, at start-up (so a resolver asking for a service no module provides
 * stops the process there, not on its first request).
 */
export class ServiceContainer implements ContainerType {
  private readonly services = new Map<ClassType, unknown>();
  private readonly resolvers = new Map<ClassType, unknown>();

  /** Registers each service object of each module (`{ identity: { members, tokens, ... } }`). */
  constructor(moduleServices: Record<string, object>) {
    for (const [moduleName, services] of Object.entries(moduleServices)) {
      for (const service of Object.values(services)) {
        if (!service || typeof service !== 'object' || service.constructor === Object) continue;
        if (this.services.has(service.constructor)) {
          throw new Error(`${service.constructor.name} is provided twice (again by module ${moduleName})`);
        }
        this.services.set(service.constructor, service);
      }
    }
  }

  /** Builds every resolver now; throws for a constructor parameter no module provides. */
  prepare(resolverClasses: readonly ClassType[]): void {
    for (const resolver of resolverClasses) this.get(resolver);
  }

  get(someClass: ClassType): unknown {
    let instance = this.resolvers.get(someClass);
    if (!instance) {
      const parameterTypes: ClassType[] = Reflect.getMetadata('design:paramtypes', someClass) ?? [];
      const args = parameterTypes.map((type, index) => {
        const service = this.services.get(type);
        if (!service) {
          throw new Error(
            `${someClass.name} needs ${type?.name ?? `parameter ${index}`}, which no module provides ` +
              '(import the service class as a value, not `import type`)',
          );
        }
        return service;
      });
      instance = new (someClass as new (...values: unknown[]) => unknown)(...args);
      this.resolvers.set(someClass, instance);
    }
    return instance;
  }
}
