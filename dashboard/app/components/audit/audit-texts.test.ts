import { AUDIT_ACTIONS } from '../../../../api/src/modules/identity/audit-actions';
import { createI18n } from '../../i18n';
import { auditDetailLines, auditTexts } from './audit-texts';

// One example of the details each action records (as the API's services write them), independent of this table.
const recorded: Record<(typeof AUDIT_ACTIONS)[number], Record<string, unknown> | null> = {
  'auth.login': { method: 'totp' },
  'auth.loginFailed': null,
  'auth.locked': null,
  'auth.logout': null,
  'auth.passwordChanged': null,
  'auth.twoFactorEnabled': null,
  'auth.twoFactorDisabled': null,
  'auth.recoveryCodeUsed': null,
  'auth.recoveryCodesRegenerated': null,
  'auth.passwordReset': { issuedBy: 'owner@toko.co.id', byOperator: false },
  'session.revoked': null,
  'member.added': { role: 'operator' },
  'member.roleChanged': { from: 'viewer', to: 'admin' },
  'member.removed': null,
  'member.resetLinkIssued': null,
  'invitation.created': { role: 'viewer' },
  'invitation.renewed': { role: 'finance' },
  'invitation.revoked': null,
  'invitation.accepted': { role: 'operator' },
  'invitation.refused': { reason: 'invitations.signInToAccept', spent: true },
  'role.created': { permissions: ['MEMBERS_READ', 'CONTACTS_READ'] },
  'role.updated': { before: ['MEMBERS_READ'], after: ['CONTACTS_READ'] },
  'role.deleted': null,
  'token.created': { permissions: ['MEMBERS_READ'] },
  'token.revoked': null,
  'token.used': null,
  'admin.seeded': { created: true },
  'admin.workspaceCreated': { owner: 'budi@warung.co.id' },
  'admin.resetLinkIssued': null,
  'workspace.timeZoneChanged': { from: 'Asia/Jakarta', to: 'Asia/Makassar' },
  'contact.created': null,
  'contact.updated': null,
  'contact.opted-in': { kind: 'MARKETING' },
  'contact.reviewed': { decision: 'OPT_OUT' },
  'contacts.tag': { affected: 12 },
  'contacts.untag': { affected: 3 },
  'contacts.delete': { affected: 1 },
  'contacts.opt_out': { affected: 2 },
  'contacts.marketing_opt_out': { affected: 5 },
  'contacts.exported': null,
  'contacts.import-started': null,
  'contacts.keywords-set': { keywords: ['STOP', 'BERHENTI'] },
  'segment.saved': null,
  'segment.deleted': null,
  'replyForwarding.changed': { url: 'https://hooks.toko.co.id', enabled: true, secretRotated: true },
  'channel.connected': { number: '+62 811-0000-0000', wabaId: '102290129340398' },
  'channel.renamed': { number: '+62 811-0000-0000', from: 'Toko utama', to: 'Toko pusat' },
  'channel.tokenReplaced': { number: '+62 811-0000-0000' },
  'channel.checked': { number: '+62 811-0000-0000', subscribed: false, resumed: true },
  'channel.disconnected': { number: '+62 811-0000-0000' },
  'templates.synced': { number: '+62 811-0000-0000', count: 12 },
  'campaign.created': null,
  'campaign.updated': null,
  'campaign.scheduled': null,
  'campaign.started': { recipients: 1200 },
  'campaign.paused': null,
  'campaign.resumed': null,
  'campaign.cancelled': null,
  'campaign.retargeted': { statuses: ['FAILED', 'DELIVERED'] },
  'campaign.testSent': { status: 'FAILED', errorCode: 131026 },
};

// Their details are names Indonesians use in both languages (WIB, WITA, WIT).
const SAME_DETAILS_IN_BOTH = new Set(['workspace.timeZoneChanged']);

const en = createI18n('en').t;
const id = createI18n('id').t;

describe('audit log texts', () => {
  it('has a rendering for exactly the actions the API can record', () => {
    expect(Object.keys(auditTexts).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each([...AUDIT_ACTIONS])('%s has its own English and Indonesian text, details included', (action) => {
    const { label } = auditTexts[action];
    const [english, indonesian] = [en(label), id(label)];
    expect(english).not.toBe(label);
    expect(indonesian).not.toBe(label);
    expect(indonesian).not.toBe(english);
    const details = recorded[action];
    const lines = (t: typeof en) => auditDetailLines(action, details ? JSON.stringify(details) : null, t);
    if (details) {
      expect(lines(en).length).toBeGreaterThan(0);
      if (!SAME_DETAILS_IN_BOTH.has(action)) expect(lines(id)).not.toEqual(lines(en));
    }
    // Nothing raw: no parameter name, permission code or time zone id reaches the reader.
    for (const line of [...lines(en), ...lines(id)]) {
      expect(line).not.toMatch(/[A-Z]{2,}_[A-Z]+|Asia\/|\{\{|\b(method|role|from|to|permissions|created|owner): /);
    }
  });

  it('reads what the issue found raw: a permission and a sign-in method, in each language', () => {
    expect(auditDetailLines('role.created', '{"permissions":["MEMBERS_READ"]}', en)).toEqual([
      'Permissions: View members and roles',
    ]);
    expect(auditDetailLines('role.created', '{"permissions":["MEMBERS_READ"]}', id)).toEqual([
      'Izin: Lihat anggota dan peran',
    ]);
    expect(auditDetailLines('auth.login', '{"method":"totp"}', en)).toEqual(['With authenticator code']);
    expect(auditDetailLines('auth.login', '{"method":"totp"}', id)).toEqual(['Dengan kode autentikator']);
    expect(auditDetailLines('workspace.timeZoneChanged', '{"from":"Asia/Jakarta","to":"Asia/Jayapura"}', id)).toEqual([
      'WIB → WIT',
    ]);
    expect(auditDetailLines('role.updated', '{"before":["MEMBERS_READ"],"after":["CONTACTS_READ"]}', en)).toEqual([
      'Granted: View contacts',
      'Withdrawn: View members and roles',
    ]);
  });

  it('shows nothing for details it cannot read, rather than failing the page', () => {
    expect(auditDetailLines('auth.login', 'not json', en)).toEqual([]);
    expect(auditDetailLines('some.futureAction', '{"x":1}', en)).toEqual([]);
  });
});
