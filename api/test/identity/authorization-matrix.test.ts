import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { PLATFORM_ADMIN, PUBLIC, SESSION_ONLY, SIGNED_IN } from '../../src/graphql/authorization';
import { buildApiSchema } from '../../src/graphql/schema';
import { ALL_PERMISSIONS, BUILT_IN_ROLES, Permission, type BuiltInRoleKey } from '../../src/modules/identity';
import { startTestApi, type TestApi } from '../support/api';
import { createApiToken, createMember, createSession, createWorkspace, type TestMember } from '../support/identity';
import { FIELD_RULES, ROLE_PERMISSIONS } from './policy';
import { Role } from '../../src/modules/identity';

/**
 * Generated from the schema: every query and mutation x every built-in role x own and
 * foreign workspace x API token with and without the permission x anonymous -> allow/deny.
 * A field that declares no access rule fails the first test.
 */
type Rule = string;

function declaredRules(schema: GraphQLSchema): Map<string, Rule | undefined> {
  const storage = getMetadataStorage();
  const rules = new Map<string, Rule | undefined>();
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    const handlers = operation === 'query' ? storage.queries : storage.mutations;
    for (const field of Object.keys(type?.getFields() ?? {})) {
      const handler = handlers.find((candidate) => candidate.schemaName === field);
      const authorized = storage.authorizedFields.find(
        (entry) => entry.target === handler?.target && entry.fieldName === handler?.methodName,
      );
      // A permission that only a person may use (@RequiresPerson) reads `CONTACTS_WRITE+session-only`.
      rules.set(`${operation} ${field}`, authorized?.roles.join('+'));
    }
  }
  return rules;
}

function sampleValue(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sampleValue(type.ofType);
  if (type instanceof GraphQLList) return [sampleValue(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].name;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, sampleValue(field.type)]));
  }
  const scalar = (type as GraphQLScalarType).name;
  if (scalar === 'ID') return randomUUID();
  if (scalar === 'Int') return 1;
  if (scalar === 'Boolean') return true;
  if (scalar === 'DateTimeISO') return new Date().toISOString();
  if (scalar === 'Rupiah' || scalar === 'PositiveRupiah') return 50_000;
  return 'matrix-probe-value';
}

function probe(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const variables = Object.fromEntries(field.args.map((arg) => [arg.name, sampleValue(arg.type)]));
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = getNamedType(field.type) instanceof GraphQLObjectType ? ' { __typename }' : '';
  const query = `${operation}${definitions ? ` (${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
  return { query, variables };
}

type Subject =
  | { kind: 'anonymous' }
  | { kind: 'role'; role: BuiltInRoleKey; foreign: boolean }
  | { kind: 'token'; withPermission: boolean };

function describeSubject(subject: Subject): string {
  if (subject.kind === 'anonymous') return 'anonymous';
  if (subject.kind === 'role') return `${subject.role} in ${subject.foreign ? 'a foreign' : 'its own'} workspace`;
  return `API token ${subject.withPermission ? 'with' : 'without'} the permission`;
}

/** What the hand-written policy (./policy.ts) says a subject may do; never derived from the code under test. */
function expected(rule: Rule, subject: Subject): boolean {
  const [permission, byPerson] = rule.split('+');
  if (byPerson === SESSION_ONLY && subject.kind === 'token') return false;
  if (byPerson !== undefined) return expected(permission!, subject);
  if (rule === PUBLIC) return true;
  if (subject.kind === 'anonymous') return false;
  if (rule === SIGNED_IN) return true;
  if (rule === SESSION_ONLY) return subject.kind === 'role';
  if (rule === PLATFORM_ADMIN) return false;
  if (subject.kind === 'token') return subject.withPermission;
  return !subject.foreign && ROLE_PERMISSIONS[subject.role].includes(rule);
}

const DENIALS = new Set(['auth.signInRequired', 'auth.forbidden', 'auth.sessionOnly', 'auth.byPersonOnly']);

describe('authorization matrix', () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  let rules: Map<string, Rule | undefined>;

  beforeAll(async () => {
    schema = await buildApiSchema();
    rules = declaredRules(schema);
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('finds a declared access rule on every query and mutation', () => {
    const undeclared = [...rules].filter(([, rule]) => !rule).map(([field]) => field);
    expect(undeclared).toEqual([]);
    for (const rule of rules.values()) {
      const [first, byPerson] = rule!.split('+');
      expect([PUBLIC, SIGNED_IN, SESSION_ONLY, PLATFORM_ADMIN, ...ALL_PERMISSIONS]).toContain(first);
      if (byPerson !== undefined) {
        expect(ALL_PERMISSIONS).toContain(first);
        expect(byPerson).toBe(SESSION_ONLY);
      }
    }
  });

  it('declares on every field exactly the rule the hand-written policy gives it', () => {
    expect(Object.fromEntries([...rules].sort())).toEqual(Object.fromEntries(Object.entries(FIELD_RULES).sort()));
  });

  it('gives each built-in role exactly the permissions of the policy, in the code and in the database', async () => {
    const policy = Object.fromEntries(Object.entries(ROLE_PERMISSIONS).map(([key, list]) => [key, [...list].sort()]));
    const inCode = Object.fromEntries(
      Object.entries(BUILT_IN_ROLES).map(([key, role]) => [key, [...role.permissions].sort()]),
    );
    expect(inCode).toEqual(policy);
    const seeded = await api.running.orm.em.fork().find(Role, { workspace: null });
    expect(Object.fromEntries(seeded.map((role) => [role.key, [...role.permissions].sort()]))).toEqual(policy);
  });

  async function credentialFor(subject: Subject, rule: Rule): Promise<string | undefined> {
    if (subject.kind === 'anonymous') return undefined;
    const em = api.running.orm.em.fork();
    const workspace = await createWorkspace(em);
    if (subject.kind === 'role') {
      const member: TestMember = await createMember(em, workspace, subject.role);
      if (!subject.foreign) return member.sessionToken;
      // A session pointed at a workspace the user does not belong to gets nothing there.
      return (await createSession(em, member.user, await createWorkspace(em))).token;
    }
    const owner = await createMember(em, workspace, 'owner');
    const needed = rule.split('+')[0];
    const permission = ALL_PERMISSIONS.includes(needed as Permission) ? (needed as Permission) : undefined;
    const granted = subject.withPermission
      ? [permission ?? Permission.CONTACTS_READ]
      : ALL_PERMISSIONS.filter((candidate) => candidate !== permission).slice(0, 1);
    return (await createApiToken(em, owner, granted)).token;
  }

  const subjects: Subject[] = [
    { kind: 'anonymous' },
    ...(Object.keys(BUILT_IN_ROLES) as BuiltInRoleKey[]).flatMap((role) => [
      { kind: 'role' as const, role, foreign: false },
      { kind: 'role' as const, role, foreign: true },
    ]),
    { kind: 'token', withPermission: true },
    { kind: 'token', withPermission: false },
  ];

  it('allows and denies every field exactly as its rule says, for every kind of caller', async () => {
    const probes = (['query', 'mutation'] as const).flatMap((operation) => {
      const type = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      return Object.values(type.getFields()).flatMap((field) =>
        subjects.map((subject) => ({ operation, field, subject })),
      );
    });
    const mismatches: string[] = [];
    let checked = 0;
    // Each probe has its own callers and workspace (a mutation may end a session or a membership), so they are
    // independent: a few at a time keeps the database busy while the API answers (1,800 probes, one by one, were
    // over a minute of round trips).
    const check = async (index: number) => {
      const { operation, field, subject } = probes[index]!;
      const rule = rules.get(`${operation} ${field.name}`)!;
      const { query, variables } = probe(operation, field);
      const credential = await credentialFor(subject, rule);
      const { body } = await api.graphql(query, variables, {
        ...(credential ? { authorization: `Bearer ${credential}` } : {}),
        'x-forwarded-for': `192.0.2.${index % 250}`,
      });
      const errors = body.errors ?? [];
      const denied = errors.some((error) => DENIALS.has(String(error.extensions?.messageKey)));
      // An error before execution (no path) would say nothing about access: the probe must be valid.
      const unreached = errors.filter((error) => !(error as { path?: unknown }).path);
      if (unreached.length > 0)
        throw new Error(`probe for ${field.name} did not execute: ${JSON.stringify(unreached)}`);
      checked++;
      if (denied === expected(FIELD_RULES[`${operation} ${field.name}`] ?? rule, subject)) {
        mismatches.push(
          `${operation} ${field.name} (${rule}) for ${describeSubject(subject)}: ${denied ? 'denied' : 'allowed'}`,
        );
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < probes.length) await check(next++);
      }),
    );
    expect(mismatches.sort()).toEqual([]);
    expect(checked).toBe(rules.size * subjects.length);
  }, 180_000);
});
