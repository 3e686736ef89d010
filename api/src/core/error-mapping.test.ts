import { databaseAppError, isUnavailable, mapError, toAppError } from './error-mapping';

/** Errors as the drivers raise them when a server goes away (shapes copied from real failures in the fault suite). */
function named(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...extra });
}

describe('isUnavailable', () => {
  it.each([
    [
      'a refused PostgreSQL connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'PostgreSQL shutting down',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['a closed MongoDB connection', named('MongoNetworkError', 'connection 1 to 127.0.0.1:38939 closed')],
    ['no MongoDB server to select', named('MongoServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:27017')],
  ])('recognises %s', (_, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  it.each([
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a MongoDB write conflict', named('MongoServerError', 'E11000 duplicate key error')],
  ])('does not mistake %s for an outage', (_, error) => {
    expect(isUnavailable(error)).toBe(false);
  });

  it('maps an outage to a translated 503 and a bug to a 500 with the request id only', () => {
    expect(mapError(named('MongoNetworkError', 'closed'), { language: 'id', requestId: 'r1' })).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    const bug = mapError(new Error('select * from x'), { language: 'en', requestId: 'r2' });
    expect(bug).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR', params: { requestId: 'r2' } });
    expect(bug.message).not.toContain('select');
  });
});

describe('toAppError on database errors', () => {
  // What each SQLSTATE means to the person who sent the request, written from PostgreSQL's documentation.
  it.each([
    ['55P03', 'CONFLICT', 'errors.busy'], // lock_not_available (lock_timeout)
    ['40001', 'CONFLICT', 'errors.busy'], // serialization_failure
    ['40P01', 'CONFLICT', 'errors.busy'], // deadlock_detected
    ['57014', 'SERVICE_UNAVAILABLE', 'errors.unavailable'], // query_canceled (statement_timeout)
    ['23505', 'CONFLICT', 'errors.alreadyExists'], // unique_violation nobody checked first
    ['23503', 'CONFLICT', 'errors.inUse'], // foreign_key_violation nobody checked first
  ])('answers SQLSTATE %s with %s (%s) at the boundary', (code, expectedCode, messageKey) => {
    expect(toAppError(Object.assign(new Error('db'), { code }))).toMatchObject({
      code: expectedCode,
      messageKey,
    });
  });

  it('leaves other database errors to be bugs', () => {
    expect(toAppError(Object.assign(new Error('syntax'), { code: '42601' }))).toBeUndefined();
  });

  it('leaves a constraint violation raw inside a transaction, for the code that expects it', () => {
    expect(databaseAppError(Object.assign(new Error('db'), { code: '23505' }))).toBeUndefined();
  });
});
