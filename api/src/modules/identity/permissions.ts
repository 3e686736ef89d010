import { registerEnumType } from 'type-graphql';

/** Everything a role or an API token can be allowed to do inside a workspace. */
export enum Permission {
  WORKSPACE_MANAGE = 'WORKSPACE_MANAGE',
  MEMBERS_READ = 'MEMBERS_READ',
  MEMBERS_MANAGE = 'MEMBERS_MANAGE',
  ROLES_MANAGE = 'ROLES_MANAGE',
  TOKENS_MANAGE = 'TOKENS_MANAGE',
  AUDIT_READ = 'AUDIT_READ',
  CONTACTS_READ = 'CONTACTS_READ',
  CONTACTS_WRITE = 'CONTACTS_WRITE',
  TEMPLATES_READ = 'TEMPLATES_READ',
  TEMPLATES_WRITE = 'TEMPLATES_WRITE',
  CAMPAIGNS_READ = 'CAMPAIGNS_READ',
  CAMPAIGNS_WRITE = 'CAMPAIGNS_WRITE',
  CAMPAIGNS_SEND = 'CAMPAIGNS_SEND',
  CHANNELS_READ = 'CHANNELS_READ',
  CHANNELS_MANAGE = 'CHANNELS_MANAGE',
  WALLET_READ = 'WALLET_READ',
  WALLET_TOPUP = 'WALLET_TOPUP',
  PAYMENTS_READ = 'PAYMENTS_READ',
}

registerEnumType(Permission, { name: 'Permission', description: 'What a role or an API token may do in a workspace.' });

export const ALL_PERMISSIONS = Object.values(Permission);

export type BuiltInRoleKey = 'owner' | 'admin' | 'operator' | 'finance' | 'viewer';

/** The built-in roles every workspace has. Owners and Admins build custom roles from the same list. */
export const BUILT_IN_ROLES: Record<BuiltInRoleKey, { name: string; permissions: Permission[] }> = {
  owner: { name: 'Owner', permissions: ALL_PERMISSIONS },
  admin: { name: 'Admin', permissions: ALL_PERMISSIONS },
  operator: {
    name: 'Operator',
    permissions: [
      Permission.CONTACTS_READ,
      Permission.CONTACTS_WRITE,
      Permission.TEMPLATES_READ,
      Permission.TEMPLATES_WRITE,
      Permission.CAMPAIGNS_READ,
      Permission.CAMPAIGNS_WRITE,
      Permission.CAMPAIGNS_SEND,
      Permission.CHANNELS_READ,
      Permission.WALLET_READ,
    ],
  },
  finance: {
    name: 'Finance',
    permissions: [Permission.WALLET_READ, Permission.WALLET_TOPUP, Permission.PAYMENTS_READ, Permission.CAMPAIGNS_READ],
  },
  viewer: {
    name: 'Viewer',
    permissions: [
      Permission.CONTACTS_READ,
      Permission.TEMPLATES_READ,
      Permission.CAMPAIGNS_READ,
      Permission.CHANNELS_READ,
      Permission.WALLET_READ,
    ],
  },
};

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as string[]).includes(value);
}
