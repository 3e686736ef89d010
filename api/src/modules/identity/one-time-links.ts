import { hashToken, newLinkToken, type LinkKind } from './secrets';

/**
 * One-time links (invitations, password resets): 256 random bits in the URL, only the SHA-256
 * stored, redeemed under a row lock so two clicks cannot both succeed.
 */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000;
export const PASSWORD_RESET_LIFETIME_MS = 24 * 3_600_000;

const PATHS: Record<LinkKind, string> = { bzi: '/invite/', bzr: '/reset-password/' };

export interface IssuedLink {
  token: string;
  tokenHash: string;
  url: string;
}

export function issueLink(kind: LinkKind, publicUrl: string): IssuedLink {
  const token = newLinkToken(kind);
  return { token, tokenHash: hashToken(token), url: new URL(`${PATHS[kind]}${token}`, publicUrl).toString() };
}

/** The lookup key of a link the user brought back; undefined for anything that is not one of ours. */
export function linkTokenHash(kind: LinkKind, token: string): string | undefined {
  return /^bz[ir]_[\w-]{43}$/.test(token) && token.startsWith(`${kind}_`) ? hashToken(token) : undefined;
}

/** Open: neither used nor revoked, and not past its expiry. */
export function isOpen(
  link: { expiresAt: Date; revokedAt?: Date | null; usedAt?: Date | null; acceptedAt?: Date | null },
  now: Date,
): boolean {
  return !link.revokedAt && !link.usedAt && !link.acceptedAt && link.expiresAt.getTime() > now.getTime();
}
