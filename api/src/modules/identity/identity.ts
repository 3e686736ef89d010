import type { Permission } from './permissions';

/** Who is calling, resolved once per request from a session or an API token. */
export interface Identity {
  kind: 'session' | 'token';
  userId: string;
  sessionId?: string;
  tokenId?: string;
  tokenName?: string;
  /** The workspace this request acts in (the session's active one, or the token's). */
  workspaceId?: string;
  permissions: ReadonlySet<Permission>;
  isPlatformAdmin: boolean;
  mustChangePassword: boolean;
}

/** Where a request came from, for sessions, throttling and the audit log. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

/** An identity acting in a workspace: what every workspace-permission field receives. */
export type WorkspaceIdentity = Identity & { workspaceId: string };

/** A person signed in with a session (never a token): what account-level fields receive. */
export type SessionIdentity = Identity & { kind: 'session'; sessionId: string };
