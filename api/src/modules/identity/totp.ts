import { generateSecret, generateURI, verify } from 'otplib';

/** TOTP per RFC 6238 with authenticator-app defaults (SHA-1, 6 digits, 30 s), via otplib. */
const ISSUER = 'BizOne Portal';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

export async function totpQrSvg(uri: string): Promise<string> {
  // Loaded on the first enrolment, not by every process (the worker never draws a QR code).
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/**
 * Checks a code, allowing one step of clock drift either way; returns the matched time step
 * so the caller can refuse it (and anything older) next time.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  afterStep: number | undefined,
  now: Date,
): Promise<number | undefined> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== undefined ? { afterTimeStep: afterStep } : {}),
  });
  // TOTP results carry the matched step (the HOTP branch of the union does not).
  return result.valid ? (result as { timeStep: number }).timeStep : undefined;
}
