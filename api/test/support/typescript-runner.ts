/**
 * Node arguments that run a TypeScript file of ours from source. The swc hook compiles the
 * decorators and their metadata that type-graphql and MikroORM need; Node 22.18+/24 would
 * otherwise strip the types itself first (dropping that metadata), so there we turn that off.
 */
export function typescriptNodeArgs(file: string): string[] {
  const stripsTypes = Boolean((process.features as { typescript?: unknown }).typescript);
  return [...(stripsTypes ? ['--no-experimental-strip-types'] : []), '-r', '@swc-node/register', file];
}
