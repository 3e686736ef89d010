import type { TFunction } from 'i18next';
import type { Permission } from '../graphql/graphql';

/** Every permission, grouped the way the role matrix and the token form show them. */
export const permissionAreas = [
  {
    id: 'workspace',
    permissions: ['WORKSPACE_MANAGE', 'MEMBERS_READ', 'MEMBERS_MANAGE', 'ROLES_MANAGE', 'TOKENS_MANAGE', 'AUDIT_READ'],
  },
  { id: 'contacts', permissions: ['CONTACTS_READ', 'CONTACTS_WRITE'] },
  { id: 'templates', permissions: ['TEMPLATES_READ', 'TEMPLATES_WRITE'] },
  { id: 'campaigns', permissions: ['CAMPAIGNS_READ', 'CAMPAIGNS_WRITE', 'CAMPAIGNS_SEND'] },
  { id: 'channels', permissions: ['CHANNELS_READ', 'CHANNELS_MANAGE'] },
  { id: 'wallet', permissions: ['WALLET_READ', 'WALLET_TOPUP', 'PAYMENTS_READ'] },
] as const satisfies readonly { id: string; permissions: readonly Permission[] }[];

type Listed = (typeof permissionAreas)[number]['permissions'][number];
// A permission the schema gains but no area lists fails the type check right here.
const everyPermissionListed: Record<Exclude<Permission, Listed>, never> = {};
void everyPermissionListed;

export const allPermissions: readonly Permission[] = permissionAreas.flatMap((area) => area.permissions);

const builtInRoleKeys = ['owner', 'admin', 'operator', 'finance', 'viewer'] as const;

/** Built-in roles in the reader's language; custom roles by the name their creator gave them. */
export function roleLabel(t: TFunction, role: { key: string; name: string; builtIn: boolean }): string {
  const key = builtInRoleKeys.find((candidate) => candidate === role.key);
  return role.builtIn && key ? t(`roles.builtIn.${key}`) : role.name;
}
