import type { MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { Statement } from '../db/sql';
import type { RestRoute } from '../http/rest';
import type { JobQueue } from '../jobs/queue';
import type { JobDefinition } from '../jobs/runner';
import type { SearchSource } from './search/source';

/** What the platform hands every module when it builds its services. */
export interface PlatformDeps {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** Background work by job name (bound to the process's job runner once it is built). */
  jobs: JobQueue;
}

/** What jobs and REST routes get besides their module's services: the database. */
export interface ModuleRuntime {
  orm: MikroORM;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ClassType = Function;

/**
 * A module's one public face (`modules/<name>/index.ts` exports it): everything the
 * composition root needs to mount the module. Adding a module is creating its folder and
 * listing its manifest once in `modules/index.ts`.
 *
 * `Needs` are the services of other modules this one calls, named in `requires`; they are
 * built first (modules are listed in dependency order, and the builder checks it).
 */
export interface ModuleManifest<Name extends string = string, Services extends object = object, Needs = unknown> {
  name: Name;
  /** MikroORM entities. Tenant entities extend WorkspaceEntity (db/base.entity.ts). */
  entities?: ClassType[];
  /** This module's migrations; the platform runs every module's in name (timestamp) order. */
  migrations?: MigrationObject[];
  /** Its named SQL, prepared against the migrated schema by a test. */
  statements?: Statement<unknown>[];
  /** type-graphql resolver classes; their constructor parameters are services (by class). */
  resolvers?: ClassType[];
  requires?: readonly string[];
  /**
   * Builds the module's services from explicit dependencies, once per process. `earlier` are the manifests listed
   * before this one (what a module that gathers from the others, like the search, reads).
   */
  services(deps: PlatformDeps, needs: Needs, earlier: readonly ModuleManifest<string, object>[]): Services;
  /** Agenda job definitions: thin, they call the services. */
  jobs?(services: Services, runtime: ModuleRuntime): JobDefinition<never>[];
  /** REST side routes (webhooks, uploads, downloads), mounted under /api. */
  routes?(services: Services, runtime: ModuleRuntime): RestRoute[];
  /**
   * Registers the module's metrics that are read at scrape time (gauges over the database, metrics/registry.ts);
   * called once per process, after the services. Counters need no hook: they are declared where they count.
   */
  metrics?(services: Services, runtime: ModuleRuntime): void;
  /** Where the global search finds this module's rows (search/source.ts); its statements go in `statements` too. */
  searchSources?: readonly SearchSource[];
}

export function defineModule<Name extends string, Services extends object, Needs = unknown>(
  manifest: ModuleManifest<Name, Services, Needs>,
): ModuleManifest<Name, Services, Needs> {
  return manifest;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyManifest = ModuleManifest<string, object, any>;

/** The services of every listed module, by module name. */
export type ServicesOf<Modules extends readonly AnyManifest[]> = {
  [M in Modules[number] as M['name']]: ReturnType<M['services']>;
};

/**
 * Builds every module's services in list order, giving each the services it requires.
 * A module that requires one listed after it (or not at all) stops the process at start-up.
 */
export function buildServices<Modules extends readonly AnyManifest[]>(
  modules: Modules,
  deps: PlatformDeps,
): ServicesOf<Modules> {
  const built: Record<string, object> = {};
  const earlier: AnyManifest[] = [];
  for (const module of modules) {
    if (built[module.name]) throw new Error(`module ${module.name} is listed twice`);
    const missing = (module.requires ?? []).filter((name) => !built[name]);
    if (missing.length > 0) {
      throw new Error(`module ${module.name} requires ${missing.join(', ')}: list those modules before it`);
    }
    built[module.name] = module.services(deps, built, [...earlier]);
    earlier.push(module);
  }
  return built as ServicesOf<Modules>;
}

/** Every module's entities, and every migration (the platform's and the modules') in name order. */
export function schemaOf(modules: readonly AnyManifest[], platformMigrations: MigrationObject[]) {
  const migrations = [...platformMigrations, ...modules.flatMap((module) => module.migrations ?? [])];
  const names = migrations.map((migration) => migration.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new Error(`migration names are used twice: ${repeated.join(', ')}`);
  return {
    entities: modules.flatMap((module) => module.entities ?? []),
    migrations: migrations.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Every module's job definitions, each built from that module's own services. */
export function jobsOf(
  modules: readonly AnyManifest[],
  services: Record<string, object>,
  runtime: ModuleRuntime,
): JobDefinition<never>[] {
  return modules.flatMap((module) => module.jobs?.(services[module.name]!, runtime) ?? []);
}

/** Every module's REST side routes, each built from that module's own services. */
export function routesOf(
  modules: readonly AnyManifest[],
  services: Record<string, object>,
  runtime: ModuleRuntime,
): RestRoute[] {
  return modules.flatMap((module) => module.routes?.(services[module.name]!, runtime) ?? []);
}

/** Every module's scrape-time metrics, each read through that module's own services. */
export function observeModules(
  modules: readonly AnyManifest[],
  services: Record<string, object>,
  runtime: ModuleRuntime,
): void {
  for (const module of modules) module.metrics?.(services[module.name]!, runtime);
}
