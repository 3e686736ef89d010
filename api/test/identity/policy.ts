/**
 * The access policy, written by hand as test data. The authorization matrix checks the
 * running API against this table, and other tests check that the code's decorators, the
 * role table in code and the roles in the database all say the same. Changing a rule means
 * changing it here too, on purpose: a widened Viewer or a weakened field fails CI.
 */
export const FIELD_RULES: Record<string, string> = {
  'query serverInfo': 'public',
  'query me': 'signed-in',
  'query mySessions': 'session-only',
  'query members': 'MEMBERS_READ',
  'query roles': 'MEMBERS_READ',
  'query apiTokens': 'TOKENS_MANAGE',
  'query auditLog': 'AUDIT_READ',
  'query allWorkspaces': 'platform-admin',
  'query notifications': 'signed-in',
  'mutation login': 'public',
  'mutation verifyTwoFactor': 'public',
  'mutation logout': 'session-only',
  'mutation changePassword': 'session-only',
  'mutation updateProfile': 'session-only',
  'mutation revokeSession': 'session-only',
  'mutation switchWorkspace': 'session-only',
  'mutation startTwoFactorSetup': 'session-only',
  'mutation enableTwoFactor': 'session-only',
  'mutation disableTwoFactor': 'session-only',
  'mutation regenerateRecoveryCodes': 'session-only',
  'mutation addMember': 'MEMBERS_MANAGE',
  'mutation changeMemberRole': 'MEMBERS_MANAGE',
  'mutation removeMember': 'MEMBERS_MANAGE',
  'mutation createRole': 'ROLES_MANAGE',
  'mutation updateRole': 'ROLES_MANAGE',
  'mutation deleteRole': 'ROLES_MANAGE',
  'mutation createApiToken': 'TOKENS_MANAGE',
  'mutation revokeApiToken': 'TOKENS_MANAGE',
  'mutation createWorkspace': 'platform-admin',
  'mutation markNotificationsRead': 'signed-in',
  'mutation updateWorkspaceTimeZone': 'WORKSPACE_MANAGE',
};

const EVERYTHING = [
  'WORKSPACE_MANAGE',
  'MEMBERS_READ',
  'MEMBERS_MANAGE',
  'ROLES_MANAGE',
  'TOKENS_MANAGE',
  'AUDIT_READ',
  'CONTACTS_READ',
  'CONTACTS_WRITE',
  'TEMPLATES_READ',
  'TEMPLATES_WRITE',
  'CAMPAIGNS_READ',
  'CAMPAIGNS_WRITE',
  'CAMPAIGNS_SEND',
  'CHANNELS_READ',
  'CHANNELS_MANAGE',
  'WALLET_READ',
  'WALLET_TOPUP',
  'PAYMENTS_READ',
];

export const ROLE_PERMISSIONS: Record<'owner' | 'admin' | 'operator' | 'finance' | 'viewer', string[]> = {
  owner: EVERYTHING,
  admin: EVERYTHING,
  operator: [
    'CONTACTS_READ',
    'CONTACTS_WRITE',
    'TEMPLATES_READ',
    'TEMPLATES_WRITE',
    'CAMPAIGNS_READ',
    'CAMPAIGNS_WRITE',
    'CAMPAIGNS_SEND',
    'CHANNELS_READ',
    'WALLET_READ',
  ],
  finance: ['WALLET_READ', 'WALLET_TOPUP', 'PAYMENTS_READ', 'CAMPAIGNS_READ'],
  viewer: ['CONTACTS_READ', 'TEMPLATES_READ', 'CAMPAIGNS_READ', 'CHANNELS_READ', 'WALLET_READ'],
};
