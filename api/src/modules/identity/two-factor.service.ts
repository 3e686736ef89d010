import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import type { AuditService } from './audit.service';
import type { AuthService } from './auth.service';
import type { RequestMeta } from './identity';
import { RECOVERY_CODES_DELETE, RECOVERY_CODES_INSERT } from './identity.sql';
import { newRecoveryCode, type SecretBox } from './secrets';
import { newTotpSecret, totpQrSvg, totpUri, verifyTotp } from './totp';
import { User } from './user.entity';

const RECOVERY_CODE_COUNT = 10;

/** TOTP enrolment and removal, and the ten single-use recovery codes. */
export class TwoFactorService {
  constructor(
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async startSetup(em: EntityManager, userId: string) {
    const user = await em.findOneOrFail(User, userId);
    const secret = newTotpSecret();
    user.totpPendingSecret = this.secrets.seal(secret);
    await em.flush();
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrCodeSvg: await totpQrSvg(otpauthUri) };
  }

  async enable(
    em: EntityManager,
    userId: string,
    code: string,
    password: string,
    meta: RequestMeta,
  ): Promise<string[]> {
    const user = await em.findOneOrFail(User, userId, { populate: ['passwordHash', 'totpPendingSecret'] });
    await this.auth.confirmIdentity(em, user, password);
    if (!user.totpPendingSecret) throw new AppError('BAD_USER_INPUT', 'auth.twoFactorNotStarted');
    const step = await verifyTotp(this.secrets.open(user.totpPendingSecret), code, undefined, this.clock.now());
    if (step === undefined) throw new AppError('BAD_USER_INPUT', 'auth.invalidCode', {}, { code: 'auth.invalidCode' });
    user.totpSecret = user.totpPendingSecret;
    user.totpPendingSecret = null;
    user.totpLastStep = String(step);
    user.totpEnabledAt = this.clock.now();
    await em.flush();
    const codes = await this.replaceRecoveryCodes(em, userId);
    await this.auth.recordUserEvent(em, userId, meta, 'auth.twoFactorEnabled');
    return codes;
  }

  /** Needs both the password and a current code (or a recovery code): a stolen session alone cannot remove 2FA. */
  async disable(em: EntityManager, userId: string, password: string, code: string, meta: RequestMeta): Promise<void> {
    const user = await em.findOneOrFail(User, userId, { populate: ['passwordHash', 'totpSecret'] });
    if (!user.totpSecret) throw new AppError('BAD_USER_INPUT', 'auth.twoFactorNotEnabled');
    await this.auth.confirmIdentity(em, user, password, { code });
    user.totpSecret = null;
    user.totpPendingSecret = null;
    user.totpLastStep = null;
    user.totpEnabledAt = null;
    await em.flush();
    await query(em, RECOVERY_CODES_DELETE, [userId]);
    await this.auth.recordUserEvent(em, userId, meta, 'auth.twoFactorDisabled');
  }

  /** New codes need the password and a current second factor: a stolen password alone cannot mint them. */
  async regenerateRecoveryCodes(
    em: EntityManager,
    userId: string,
    password: string,
    code: string,
    meta: RequestMeta,
  ): Promise<string[]> {
    const user = await em.findOneOrFail(User, userId, { populate: ['passwordHash', 'totpSecret'] });
    if (!user.totpSecret) throw new AppError('BAD_USER_INPUT', 'auth.twoFactorNotEnabled');
    await this.auth.confirmIdentity(em, user, password, { code });
    const codes = await this.replaceRecoveryCodes(em, userId);
    await this.auth.recordUserEvent(em, userId, meta, 'auth.recoveryCodesRegenerated');
    return codes;
  }

  private async replaceRecoveryCodes(em: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await inTransaction(em, {}, async (tx) => {
      await query(tx, RECOVERY_CODES_DELETE, [userId]);
      await query(tx, RECOVERY_CODES_INSERT, [userId, codes.map((code) => this.secrets.hashCode(code))]);
    });
    return codes;
  }
}
