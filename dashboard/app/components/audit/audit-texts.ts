import type { TFunction } from 'i18next';
import type { TranslationKey } from '../../i18n';
import { timeZoneAbbreviation, timeZones, type TimeZone } from '../../utils/format';
import { allPermissions } from '../../utils/permissions';

/**
 * How each audit action reads, declared once: its label and the sentences its parameters make, in the reader's
 * language. The API records `action` + `details` (never text); this table is the only place that turns them into
 * words. `audit-texts.test.ts` checks it against the API's list of actions (api/src/modules/identity/
 * audit-actions.ts), so an action cannot reach the log without its English and Indonesian text.
 */
export type AuditDetails = Record<string, unknown>;

export interface AuditText {
  label: TranslationKey;
  /** One line per fact; none when the action says it all. */
  details?: (details: AuditDetails, t: TFunction) => string[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const builtInRoles = ['owner', 'admin', 'operator', 'finance', 'viewer'] as const;

/** A role as the details name it (its key): built-in ones translated, a custom role by its key. */
function roleName(value: unknown, t: TFunction): string {
  const key = builtInRoles.find((candidate) => candidate === value);
  return key ? t(`roles.builtIn.${key}`) : text(value) || t('audit.details.customRole');
}

function permissionNames(value: unknown, t: TFunction): string {
  const list = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  if (list.length === 0) return t('audit.details.none');
  return list
    .map((permission) =>
      (allPermissions as readonly string[]).includes(permission)
        ? t(`permissions.${permission as (typeof allPermissions)[number]}`)
        : permission,
    )
    .join(', ');
}

function zoneName(value: unknown): string {
  const zone = Object.values(timeZones).find((candidate) => candidate === value) as TimeZone | undefined;
  return zone ? timeZoneAbbreviation(zone) : text(value);
}

const suppressionKinds = { MARKETING: 'marketing', ALL: 'all' } as const;

/** A bulk action's reach: how many contacts a selection changed at once (a filter's job says it in its progress). */
function channelNumber(d: AuditDetails, t: TFunction): string[] {
  return text(d.number) ? [t('audit.details.channel.number', { number: text(d.number) })] : [];
}

function affected(d: AuditDetails, t: TFunction): string[] {
  return typeof d.affected === 'number' ? [t('audit.details.affected', { count: d.affected })] : [];
}

/** The recipients a retargeting draft reaches again, and what a test send came to (as the API records them). */
const retargetStatuses = ['FAILED', 'SENT', 'DELIVERED', 'UNKNOWN'] as const;
const testResults = ['SENT', 'FAILED', 'UNKNOWN'] as const;

const refusals = {
  'invitations.signInToAccept': 'existingAccount',
  'invitations.inviterLostAuthority': 'inviterLostAuthority',
} as const;

const loginMethods = { password: 'password', totp: 'totp', 'recovery-code': 'recoveryCode' } as const;

export const auditTexts = {
  'auth.login': {
    label: 'audit.actions.auth.login',
    details: (d, t) => {
      const method = loginMethods[text(d.method) as keyof typeof loginMethods];
      return method ? [t('audit.details.method', { method: t(`audit.details.methods.${method}`) })] : [];
    },
  },
  'auth.loginFailed': { label: 'audit.actions.auth.loginFailed' },
  'auth.locked': { label: 'audit.actions.auth.locked' },
  'auth.logout': { label: 'audit.actions.auth.logout' },
  'auth.passwordChanged': { label: 'audit.actions.auth.passwordChanged' },
  'auth.twoFactorEnabled': { label: 'audit.actions.auth.twoFactorEnabled' },
  'auth.twoFactorDisabled': { label: 'audit.actions.auth.twoFactorDisabled' },
  'auth.recoveryCodeUsed': { label: 'audit.actions.auth.recoveryCodeUsed' },
  'auth.recoveryCodesRegenerated': { label: 'audit.actions.auth.recoveryCodesRegenerated' },
  'auth.passwordReset': {
    label: 'audit.actions.auth.passwordReset',
    details: (d, t) => [
      t(d.byOperator === true ? 'audit.details.resetByOperator' : 'audit.details.resetBy', { email: text(d.issuedBy) }),
    ],
  },
  'session.revoked': { label: 'audit.actions.session.revoked' },
  'member.added': {
    label: 'audit.actions.member.added',
    details: (d, t) => [t('audit.details.role', { role: roleName(d.role, t) })],
  },
  'member.resetLinkIssued': { label: 'audit.actions.member.resetLinkIssued' },
  'invitation.created': {
    label: 'audit.actions.invitation.created',
    details: (d, t) => [t('audit.details.role', { role: roleName(d.role, t) })],
  },
  'invitation.renewed': {
    label: 'audit.actions.invitation.renewed',
    details: (d, t) => [t('audit.details.role', { role: roleName(d.role, t) })],
  },
  'invitation.revoked': { label: 'audit.actions.invitation.revoked' },
  'invitation.accepted': {
    label: 'audit.actions.invitation.accepted',
    details: (d, t) => [t('audit.details.role', { role: roleName(d.role, t) })],
  },
  'invitation.refused': {
    label: 'audit.actions.invitation.refused',
    details: (d, t) => {
      const reason = refusals[text(d.reason) as keyof typeof refusals];
      return [
        ...(reason ? [t(`audit.details.refusals.${reason}`)] : []),
        ...(d.spent === true ? [t('audit.details.linkSpent')] : []),
      ];
    },
  },
  'member.roleChanged': {
    label: 'audit.actions.member.roleChanged',
    details: (d, t) => [t('audit.details.change', { from: roleName(d.from, t), to: roleName(d.to, t) })],
  },
  'member.removed': { label: 'audit.actions.member.removed' },
  'role.created': {
    label: 'audit.actions.role.created',
    details: (d, t) => [t('audit.details.permissions', { permissions: permissionNames(d.permissions, t) })],
  },
  'role.updated': {
    label: 'audit.actions.role.updated',
    details: (d, t) => {
      const before = new Set(Array.isArray(d.before) ? d.before : []);
      const after = new Set(Array.isArray(d.after) ? d.after : []);
      const added = [...after].filter((permission) => !before.has(permission));
      const removed = [...before].filter((permission) => !after.has(permission));
      return [
        ...(added.length ? [t('audit.details.granted', { permissions: permissionNames(added, t) })] : []),
        ...(removed.length ? [t('audit.details.withdrawn', { permissions: permissionNames(removed, t) })] : []),
      ];
    },
  },
  'role.deleted': { label: 'audit.actions.role.deleted' },
  'token.created': {
    label: 'audit.actions.token.created',
    details: (d, t) => [t('audit.details.permissions', { permissions: permissionNames(d.permissions, t) })],
  },
  'token.revoked': { label: 'audit.actions.token.revoked' },
  'token.used': { label: 'audit.actions.token.used' },
  'admin.seeded': {
    label: 'audit.actions.admin.seeded',
    details: (d, t) => [t(d.created === true ? 'audit.details.accountCreated' : 'audit.details.passwordReset')],
  },
  'admin.workspaceCreated': {
    label: 'audit.actions.admin.workspaceCreated',
    details: (d, t) => [t('audit.details.owner', { email: text(d.owner) })],
  },
  'admin.resetLinkIssued': { label: 'audit.actions.admin.resetLinkIssued' },
  'contact.created': { label: 'audit.actions.contact.created' },
  'contact.updated': { label: 'audit.actions.contact.updated' },
  'contact.opted-in': {
    label: 'audit.actions.contact.optedIn',
    details: (d, t) => {
      const kind = suppressionKinds[text(d.kind) as keyof typeof suppressionKinds];
      return kind ? [t(`audit.details.suppression.${kind}`)] : [];
    },
  },
  'contact.reviewed': {
    label: 'audit.actions.contact.reviewed',
    details: (d, t) => [t(d.decision === 'OPT_OUT' ? 'audit.details.reviewOptedOut' : 'audit.details.reviewDismissed')],
  },
  'contacts.tag': { label: 'audit.actions.contacts.tag', details: affected },
  'contacts.untag': { label: 'audit.actions.contacts.untag', details: affected },
  'contacts.delete': { label: 'audit.actions.contacts.delete', details: affected },
  'contacts.opt_out': { label: 'audit.actions.contacts.optOut', details: affected },
  'contacts.marketing_opt_out': { label: 'audit.actions.contacts.marketingOptOut', details: affected },
  'contacts.exported': { label: 'audit.actions.contacts.exported' },
  'contacts.import-started': { label: 'audit.actions.contacts.importStarted' },
  'contacts.keywords-set': {
    label: 'audit.actions.contacts.keywordsSet',
    details: (d, t) => {
      const list = Array.isArray(d.keywords) ? d.keywords.filter((item) => typeof item === 'string') : [];
      return list.length ? [t('audit.details.keywords', { keywords: list.join(', ') })] : [];
    },
  },
  'segment.saved': { label: 'audit.actions.segment.saved' },
  'segment.deleted': { label: 'audit.actions.segment.deleted' },
  'channel.connected': { label: 'audit.actions.channel.connected', details: channelNumber },
  'channel.renamed': {
    label: 'audit.actions.channel.renamed',
    details: (d, t) => [...channelNumber(d, t), t('audit.details.change', { from: text(d.from), to: text(d.to) })],
  },
  'channel.tokenReplaced': { label: 'audit.actions.channel.tokenReplaced', details: channelNumber },
  'channel.checked': {
    label: 'audit.actions.channel.checked',
    details: (d, t) => [
      ...channelNumber(d, t),
      ...(d.subscribed === false ? [t('audit.details.channel.notSubscribed')] : []),
      ...(d.resumed === true ? [t('audit.details.channel.resumed')] : []),
    ],
  },
  'channel.disconnected': { label: 'audit.actions.channel.disconnected', details: channelNumber },
  'templates.synced': {
    label: 'audit.actions.templates.synced',
    details: (d, t) => [
      ...channelNumber(d, t),
      ...(typeof d.count === 'number' ? [t('audit.details.templates', { count: d.count })] : []),
    ],
  },
  'campaign.created': { label: 'audit.actions.campaign.created' },
  'campaign.updated': { label: 'audit.actions.campaign.updated' },
  'campaign.scheduled': { label: 'audit.actions.campaign.scheduled' },
  'campaign.started': {
    label: 'audit.actions.campaign.started',
    details: (d, t) =>
      typeof d.recipients === 'number' ? [t('audit.details.campaign.recipients', { count: d.recipients })] : [],
  },
  'campaign.paused': { label: 'audit.actions.campaign.paused' },
  'campaign.resumed': { label: 'audit.actions.campaign.resumed' },
  'campaign.cancelled': { label: 'audit.actions.campaign.cancelled' },
  'campaign.retargeted': {
    label: 'audit.actions.campaign.retargeted',
    details: (d, t) => {
      const statuses = (Array.isArray(d.statuses) ? d.statuses : []).filter(
        (status): status is (typeof retargetStatuses)[number] => retargetStatuses.includes(status as never),
      );
      return statuses.length
        ? [
            t('audit.details.campaign.statuses', {
              statuses: statuses.map((status) => t(`audit.details.campaign.status.${status}`)).join(', '),
            }),
          ]
        : [];
    },
  },
  'campaign.testSent': {
    label: 'audit.actions.campaign.testSent',
    details: (d, t) => [
      ...(testResults.includes(d.status as never)
        ? [t(`audit.details.campaign.testResult.${d.status as (typeof testResults)[number]}`)]
        : []),
      ...(typeof d.errorCode === 'number' ? [t('audit.details.campaign.errorCode', { code: d.errorCode })] : []),
    ],
  },
  'replyForwarding.changed': {
    label: 'audit.actions.replyForwarding.changed',
    details: (d, t) => [
      t(d.enabled === true ? 'audit.details.forwarding.on' : 'audit.details.forwarding.off', { url: text(d.url) }),
      ...(d.secretRotated === true ? [t('audit.details.forwarding.secretRotated')] : []),
    ],
  },
  'workspace.timeZoneChanged': {
    label: 'audit.actions.workspace.timeZoneChanged',
    details: (d, t) => [t('audit.details.change', { from: zoneName(d.from), to: zoneName(d.to) })],
  },
} satisfies Record<string, AuditText>;

export type KnownAuditAction = keyof typeof auditTexts;

export function isKnownAuditAction(action: string): action is KnownAuditAction {
  return Object.hasOwn(auditTexts, action);
}

/** The lines an entry's details make, in the reader's language; none for an action this dashboard does not know. */
export function auditDetailLines(action: string, details: string | null | undefined, t: TFunction): string[] {
  if (!isKnownAuditAction(action)) return [];
  const render = (auditTexts[action] as AuditText).details;
  if (!render) return [];
  return render(parseDetails(details), t).filter(Boolean);
}

function parseDetails(details: string | null | undefined): AuditDetails {
  if (!details) return {};
  try {
    const parsed: unknown = JSON.parse(details);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as AuditDetails) : {};
  } catch {
    return {};
  }
}
