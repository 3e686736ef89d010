/**
 * Every action the audit log can record: the one list. `AuditEvent.action` only accepts these, and the dashboard's
 * test (`dashboard/app/components/audit/audit-texts.test.ts`) reads this list to check that each has its English
 * and Indonesian rendering, so a new action cannot reach the log without its text.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.loginFailed',
  'auth.locked',
  'auth.logout',
  'auth.passwordChanged',
  'auth.twoFactorEnabled',
  'auth.twoFactorDisabled',
  'auth.recoveryCodeUsed',
  'auth.recoveryCodesRegenerated',
  'auth.passwordReset',
  'session.revoked',
  // Recorded before invitations replaced adding; old entries keep their text.
  'member.added',
  'member.resetLinkIssued',
  'invitation.created',
  'invitation.renewed',
  'invitation.revoked',
  'invitation.accepted',
  'invitation.refused',
  'member.roleChanged',
  'member.removed',
  'role.created',
  'role.updated',
  'role.deleted',
  'token.created',
  'token.revoked',
  'token.used',
  'admin.seeded',
  'admin.workspaceCreated',
  'admin.resetLinkIssued',
  'workspace.timeZoneChanged',
  'contact.created',
  'contact.updated',
  'contact.opted-in',
  'contacts.tag',
  'contacts.untag',
  'contacts.delete',
  'contacts.opt_out',
  'contacts.marketing_opt_out',
  'contacts.exported',
  'contacts.import-started',
  'contacts.keywords-set',
  'segment.saved',
  'segment.deleted',
  'replyForwarding.changed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
