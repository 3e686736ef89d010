import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLError } from 'graphql';
import { rupiah } from '../core/money';
import { shapeError } from './errors';
import { PositiveRupiahScalar, RupiahScalar } from './scalars';

/** A two-field schema around the money scalars, executed by graphql-js itself. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: RupiahScalar,
        args: { amount: { type: RupiahScalar } },
        resolve: (_, { amount }) => {
          if (typeof amount !== 'bigint') throw new Error('not parsed to bigint');
          return amount;
        },
      },
      pay: {
        type: GraphQLString,
        args: { amount: { type: PositiveRupiahScalar } },
        resolve: (_, { amount }) => `paid ${String(amount)}`,
      },
      huge: { type: RupiahScalar, resolve: () => rupiah('9007199254740993') },
    },
  }),
});

async function run(source: string, variables?: Record<string, unknown>, language: 'en' | 'id' = 'en') {
  const result = await graphql({ schema, source, variableValues: variables });
  const errors = (result.errors ?? []).map((error: GraphQLError) =>
    shapeError(error.toJSON(), error, { language, requestId: 'test' }),
  );
  return { data: result.data, errors };
}

describe('the Rupiah scalars', () => {
  it('carry whole rupiah as JSON integers, into bigints and back', async () => {
    expect((await run('query ($a: Rupiah) { echo(amount: $a) }', { a: 50_000 })).data).toEqual({ echo: 50_000 });
    expect((await run('{ echo(amount: -5000) }')).data).toEqual({ echo: -5000 });
    expect((await run('{ pay(amount: 1) }')).data).toEqual({ pay: 'paid 1' });
  });

  it('refuse fractions with a translated BAD_USER_INPUT', async () => {
    const { errors } = await run('query ($a: Rupiah) { echo(amount: $a) }', { a: 50_000.5 }, 'id');
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'money.notWhole' });
    expect(errors[0]?.message).toBe('Jumlah uang berupa bilangan bulat rupiah (untuk Rp50.000, kirim 50000).');
    const literal = await run('{ echo(amount: 10.5) }');
    expect(literal.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'money.notWhole' });
  });

  it('refuse strings, even ones that look like numbers', async () => {
    const { errors } = await run('query ($a: Rupiah) { echo(amount: $a) }', { a: '50000' });
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'money.notWhole' });
  });

  it('refuse values a JSON number cannot carry exactly', async () => {
    const { errors } = await run('query ($a: Rupiah) { echo(amount: $a) }', { a: 2 ** 53 + 2 });
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'money.tooLarge' });
  });

  it('refuse zero and negatives where an amount to pay is expected', async () => {
    for (const amount of [0, -1]) {
      const { errors } = await run('query ($a: PositiveRupiah) { pay(amount: $a) }', { a: amount });
      expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'money.belowMinimum' });
    }
  });

  it('never round an output: an amount beyond 2^53 is an error, not a wrong number', async () => {
    const { data, errors } = await run('{ huge }');
    expect(data).toEqual({ huge: null });
    expect(errors[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
