import { ManualClock } from '../../src/core/clock';
import { passwordVerifications } from '../../src/modules/identity/passwords';
import { startTestApi, type TestApi } from '../support/api';
import { createMember, createWorkspace, PASSWORD, type TestMember } from '../support/identity';
import { authenticator } from '../support/totp';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { status sessionToken challengeToken }
}`;

/** Issue 14, points 4 and 5: counters reserve an attempt before the secret is checked. */
describe('throttles', () => {
  let api: TestApi;
  const clock = new ManualClock();

  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(() => api.stop());

  const login = (email: string, password: string, ip: string) =>
    api.graphql<{ login: { status: string; sessionToken: string; challengeToken: string } }>(
      LOGIN,
      { email, password },
      { 'x-forwarded-for': ip },
    );

  async function person(): Promise<TestMember> {
    const em = api.running.orm.em.fork();
    return createMember(em, await createWorkspace(em), 'owner');
  }

  it('lets 50 concurrent wrong passwords on one address cost at most 5 verifications, then refuses the right one unverified', async () => {
    const victim = await person();
    const before = passwordVerifications();
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(victim.user.email, `wrong-${i}-password`, `198.51.100.${i + 1}`)),
    );
    expect(passwordVerifications() - before).toBeLessThanOrEqual(5);
    const codes = burst.map((result) => result.body.errors?.[0].extensions?.code);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'ACCOUNT_LOCKED')).toHaveLength(45);

    const afterBurst = passwordVerifications();
    const right = await login(victim.user.email, PASSWORD, '198.51.100.200');
    expect(right.body.errors?.[0].extensions?.code).toBe('ACCOUNT_LOCKED');
    expect(passwordVerifications()).toBe(afterBurst);
  });

  it('lets 50 concurrent guesses from one IP at many addresses cost at most 30 verifications', async () => {
    const before = passwordVerifications();
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(`spray-${i}@example.co.id`, 'guess one two', '203.0.113.77')),
    );
    expect(passwordVerifications() - before).toBeLessThanOrEqual(30);
    expect(burst.filter((result) => result.body.errors?.[0].extensions?.code === 'RATE_LIMITED')).toHaveLength(20);
  });

  it('counts wrong second-factor codes per account across challenges; a right password does not reset them', async () => {
    const member = await person();
    const auth = { authorization: `Bearer ${member.sessionToken}` };
    const setup = await api.graphql<{ startTwoFactorSetup: { secret: string } }>(
      'mutation { startTwoFactorSetup { secret } }',
      {},
      auth,
    );
    const secret = setup.body.data!.startTwoFactorSetup.secret;
    const enabled = await api.graphql(
      'mutation ($code: String!, $password: String!) { enableTwoFactor(input: { code: $code, password: $password }) { codes } }',
      { code: await authenticator.code(secret, clock.now().getTime()), password: PASSWORD },
      auth,
    );
    expect(enabled.body.errors).toBeUndefined();
    const verify = (challengeToken: string, code: string) =>
      api.graphql(
        'mutation ($t: String!, $c: String!) { verifyTwoFactor(input: { challengeToken: $t, code: $c }) { status } }',
        { t: challengeToken, c: code },
      );
    // Five challenges, one wrong code each: every new challenge starts with a correct password.
    for (let i = 0; i < 5; i++) {
      const challenge = (await login(member.user.email, PASSWORD, '192.0.2.10')).body.data!.login.challengeToken;
      const wrong = await verify(challenge, '000000');
      expect(wrong.body.errors?.[0].extensions?.messageKey).toBe('auth.invalidCode');
    }
    clock.advance(30_000);
    const challenge = (await login(member.user.email, PASSWORD, '192.0.2.10')).body.data!.login.challengeToken;
    const right = await verify(challenge, await authenticator.code(secret, clock.now().getTime()));
    expect(right.body.errors?.[0].extensions).toMatchObject({ code: 'ACCOUNT_LOCKED', messageKey: 'auth.locked' });
  });

  it('throttles re-entering the password for account changes, per account', async () => {
    const member = await person();
    const auth = { authorization: `Bearer ${member.sessionToken}` };
    const change = (current: string) =>
      api.graphql(
        'mutation ($c: String!) { changePassword(input: { currentPassword: $c, newPassword: "a brand new passphrase" }) }',
        { c: current },
        auth,
      );
    for (let i = 0; i < 5; i++) {
      expect((await change(`not-it-${i}-at-all`)).body.errors?.[0].extensions?.messageKey).toBe('auth.wrongPassword');
    }
    const before = passwordVerifications();
    expect((await change(PASSWORD)).body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(passwordVerifications()).toBe(before);
    clock.advance(15 * 60_000 + 1000);
    expect((await change(PASSWORD)).body.errors).toBeUndefined();
  });

  it('requires a current second factor, not only the password, to regenerate recovery codes', async () => {
    const member = await person();
    const auth = { authorization: `Bearer ${member.sessionToken}` };
    const secret = (
      await api.graphql<{ startTwoFactorSetup: { secret: string } }>(
        'mutation { startTwoFactorSetup { secret } }',
        {},
        auth,
      )
    ).body.data!.startTwoFactorSetup.secret;
    await api.graphql(
      'mutation ($code: String!, $password: String!) { enableTwoFactor(input: { code: $code, password: $password }) { codes } }',
      { code: await authenticator.code(secret, clock.now().getTime()), password: PASSWORD },
      auth,
    );
    const regenerate = (code: string) =>
      api.graphql<{ regenerateRecoveryCodes: { codes: string[] } }>(
        'mutation ($p: String!, $c: String!) { regenerateRecoveryCodes(input: { password: $p, code: $c }) { codes } }',
        { p: PASSWORD, c: code },
        auth,
      );
    expect((await regenerate('000000')).body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { code: 'auth.invalidCode' },
    });
    clock.advance(30_000);
    const fresh = await regenerate(await authenticator.code(secret, clock.now().getTime()));
    expect(fresh.body.data!.regenerateRecoveryCodes.codes).toHaveLength(10);
  });
});
