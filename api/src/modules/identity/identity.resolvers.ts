import { AuthResolver } from './auth.resolver';
import { InvitationsResolver } from './invitations.resolver';
import { MembersResolver } from './members.resolver';
import { PlatformResolver } from './platform.resolver';
import { AuditResolver } from './audit.resolver';
import { TokensResolver } from './tokens.resolver';
import { TwoFactorResolver } from './two-factor.resolver';
import { WorkspaceSettingsResolver } from './workspace-settings.resolver';

export const identityResolvers = [
  AuthResolver,
  TwoFactorResolver,
  MembersResolver,
  InvitationsResolver,
  TokensResolver,
  AuditResolver,
  PlatformResolver,
  WorkspaceSettingsResolver,
] as const;
