import { ManualClock } from '../../src/core/clock';
import { dummyPasswordHash, needsRehash, passwordVerifications } from '../../src/modules/identity/passwords';
import { authenticator } from '../support/totp';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, PASSWORD, type TestMember } from '../support/identity';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { status sessionToken challengeToken mustChangePassword }
}`;

describe('signing in', () => {
  let api: TestApi;
  let member: TestMember;
  // The API's clock: lockouts expire and TOTP steps pass when the test says so, not by waiting.
  const clock = new ManualClock();

  beforeAll(async () => {
    api = await startTestApi({ clock });
    const em = api.running.orm.em.fork();
    member = await createMember(em, await createWorkspace(em), 'operator');
  });
  afterAll(() => api.stop());

  const login = (email: string, password: string, ip = '198.51.100.7') =>
    api.graphql<{ login: { status: string; sessionToken: string | null } }>(
      LOGIN,
      { email, password },
      { 'x-forwarded-for': ip },
    );

  it('signs in with the right password and the session works for the next request', async () => {
    const { body } = await login(member.user.email.toUpperCase(), PASSWORD);
    expect(body.data!.login.status).toBe('SIGNED_IN');
    const me = await api.graphql<{ me: { email: string } }>(
      '{ me { email } }',
      {},
      { authorization: `Bearer ${body.data!.login.sessionToken}` },
    );
    expect(me.body.data!.me.email).toBe(member.user.email);
  });

  it('gives the same answer for an unknown e-mail and a wrong password, at the same cost', async () => {
    // The cost is counted, not timed: each path must run exactly one argon2 verification with the same
    // parameters (an unknown address against a dummy hash), so timing cannot tell which addresses exist.
    const attempt = async (email: string) => {
      const before = passwordVerifications();
      const { body } = await login(email, 'wrong password 123', '198.51.100.8');
      return { verifications: passwordVerifications() - before, error: body.errors![0] };
    };
    const known = [await attempt(member.user.email), await attempt(member.user.email)];
    const unknown = [await attempt('nobody-1@example.co.id'), await attempt('nobody-2@example.co.id')];
    const { message, extensions } = known[0].error;
    for (const result of [...known, ...unknown]) {
      expect(result.error).toEqual({ message, extensions, path: ['login'], locations: expect.anything() });
      expect(result.verifications).toBe(1);
    }
    expect(extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageKey: 'auth.invalidCredentials' });
    expect(needsRehash(await dummyPasswordHash())).toBe(false);
  });

  it('locks an address after five failures, even for the right password, and says for how long', async () => {
    const em = api.running.orm.em.fork();
    const victim = await createMember(em, await createWorkspace(em), 'viewer');
    for (let i = 0; i < 5; i++) {
      const { body } = await login(victim.user.email, `wrong-${i}-password`, '198.51.100.20');
      expect(body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const { body } = await login(victim.user.email, PASSWORD, '198.51.100.21');
    expect(body.errors![0].extensions).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      messageKey: 'auth.locked',
      params: { minutes: 15 },
    });
    const indonesian = await api.graphql(
      LOGIN,
      { email: victim.user.email, password: PASSWORD },
      { 'accept-language': 'id' },
    );
    expect(indonesian.body.errors![0].message).toBe(
      'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.',
    );
    clock.advance(10 * 60_000);
    expect((await login(victim.user.email, PASSWORD, '198.51.100.21')).body.errors![0].extensions).toMatchObject({
      params: { minutes: 5 },
    });
    // Fifteen minutes after the lock, the right password works again.
    clock.advance(5 * 60_000 + 1000);
    expect((await login(victim.user.email, PASSWORD, '198.51.100.21')).body.data?.login).toMatchObject({
      status: 'SIGNED_IN',
    });
  });

  it('locks an unknown address the same way, so a lockout reveals nothing', async () => {
    for (let i = 0; i < 5; i++) await login('ghost@example.co.id', `wrong-${i}-password`, '198.51.100.30');
    const { body } = await login('ghost@example.co.id', 'anything at all', '198.51.100.31');
    expect(body.errors![0].extensions).toMatchObject({ code: 'ACCOUNT_LOCKED', params: { minutes: 15 } });
  });

  it('counts concurrent failures exactly: 20 at once still lock the address', async () => {
    const em = api.running.orm.em.fork();
    const victim = await createMember(em, await createWorkspace(em), 'viewer');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(victim.user.email, `parallel-${i}-wrong`, `198.51.100.${100 + i}`)),
    );
    const { body } = await login(victim.user.email, PASSWORD, '198.51.100.99');
    expect(body.errors![0].extensions!.code).toBe('ACCOUNT_LOCKED');
  });

  it('throttles one IP that tries many addresses', async () => {
    for (let i = 0; i < 30; i++) await login(`spray-${i}@example.co.id`, 'wrong password 1', '203.0.113.50');
    const { body } = await login(member.user.email, PASSWORD, '203.0.113.50');
    expect(body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Another address on the same account is not affected.
    expect((await login(member.user.email, PASSWORD, '203.0.113.51')).body.data!.login.status).toBe('SIGNED_IN');
  });

  it('lets a user with a seeded password do nothing but read who they are and change it', async () => {
    const em = api.running.orm.em.fork();
    const fresh = await createMember(em, await createWorkspace(em), 'owner', { mustChangePassword: true });
    const auth = { authorization: `Bearer ${fresh.sessionToken}` };
    expect((await api.graphql('{ me { mustChangePassword } }', {}, auth)).body.data).toEqual({
      me: { mustChangePassword: true },
    });
    const blocked = await api.graphql('{ members { id } }', {}, auth);
    expect(blocked.body.errors![0].extensions).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const weak = await api.graphql(
      'mutation { changePassword(input: { currentPassword: "correct horse battery", newPassword: "short" }) }',
      {},
      auth,
    );
    expect(weak.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { newPassword: 'auth.passwordTooShort' },
    });
    const changed = await api.graphql(
      'mutation { changePassword(input: { currentPassword: "correct horse battery", newPassword: "a much better passphrase" }) }',
      {},
      auth,
    );
    expect(changed.body.data).toEqual({ changePassword: true });
    expect((await api.graphql('{ members { id } }', {}, auth)).body.errors).toBeUndefined();
  });

  it('keeps TOTP codes and recovery codes single-use', async () => {
    const em = api.running.orm.em.fork();
    const person = await createMember(em, await createWorkspace(em), 'admin');
    const auth = { authorization: `Bearer ${person.sessionToken}` };
    const setup = await api.graphql<{ startTwoFactorSetup: { secret: string; otpauthUri: string; qrCodeSvg: string } }>(
      'mutation { startTwoFactorSetup { secret otpauthUri qrCodeSvg } }',
      {},
      auth,
    );
    const { secret, otpauthUri, qrCodeSvg } = setup.body.data!.startTwoFactorSetup;
    expect(otpauthUri).toContain('otpauth://totp/');
    expect(qrCodeSvg).toMatch(/^<svg/);
    const enabled = await api.graphql<{ enableTwoFactor: { codes: string[] } }>(
      'mutation ($code: String!) { enableTwoFactor(input: { code: $code, password: "correct horse battery" }) { codes } }',
      { code: await authenticator.code(secret, clock.now().getTime()) },
      auth,
    );
    expect(enabled.body.errors).toBeUndefined();
    const recovery = enabled.body.data!.enableTwoFactor.codes;
    expect(recovery).toHaveLength(10);

    const challenge = async () => {
      const { body } = await api.graphql<{ login: { status: string; challengeToken: string } }>(LOGIN, {
        email: person.user.email,
        password: PASSWORD,
      });
      expect(body.data!.login.status).toBe('TWO_FACTOR_REQUIRED');
      return body.data!.login.challengeToken;
    };
    const verify = (challengeToken: string, code: string) =>
      api.graphql<{ verifyTwoFactor: { status: string; sessionToken: string } }>(
        'mutation ($t: String!, $c: String!) { verifyTwoFactor(input: { challengeToken: $t, code: $c }) { status sessionToken } }',
        { t: challengeToken, c: code },
      );

    const wrong = await verify(await challenge(), '000000');
    expect(wrong.body.errors![0].extensions).toMatchObject({ messageKey: 'auth.invalidCode' });

    // The code used to enable 2FA is spent; in the next time step, the next code works once.
    clock.advance(30_000);
    const next = await authenticator.code(secret, clock.now().getTime());
    const first = await verify(await challenge(), next);
    expect(first.body.data!.verifyTwoFactor.status).toBe('SIGNED_IN');
    const replay = await verify(await challenge(), next);
    expect(replay.body.errors![0].extensions).toMatchObject({ messageKey: 'auth.invalidCode' });

    const byRecovery = await verify(await challenge(), recovery[3].toUpperCase());
    expect(byRecovery.body.data!.verifyTwoFactor.status).toBe('SIGNED_IN');
    const recoveryAgain = await verify(await challenge(), recovery[3]);
    expect(recoveryAgain.body.errors![0].extensions).toMatchObject({ messageKey: 'auth.invalidCode' });
  });
});
