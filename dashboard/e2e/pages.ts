import en from '../app/locales/en.json';
import id from '../app/locales/id.json';

/**
 * Every page of the dashboard, for the page walk (page-walk.e2e.test.ts). A new page is one entry here: its
 * path, who may see it, and a text that proves it rendered in the reader's language (usually its heading).
 */
export type Locales = { en: typeof en; id: typeof id };

export type Visitor =
  /** Nobody signed in. */
  | 'signedOut'
  /** The Owner of a fresh workspace. */
  | 'owner'
  /**
   * The platform administrator before its first password change (the seeded account: the only one that is ever
   * asked to change its password). Its page comes first, before any test data changes that password.
   */
  | 'seededAdmin'
  /** The platform administrator after its first password change (its own pages: pricing). */
  | 'platformAdmin'
  /** Someone who opened an invitation link and has no account yet. */
  | 'invitee'
  /** A member who opened a password-reset link. */
  | 'resetLinkHolder'
  /** Halfway through signing in: the password was right, the second factor is asked for. */
  | 'twoFactorChallenge';

/**
 * What the walk's fill step made in the visitor's workspace, for pages about one thing: with `data: 'campaigns'`
 * the two campaigns, with `data: 'records'` the others (support/workspace.ts fillCampaigns, fillRecords).
 */
export interface WalkData {
  /** A campaign that has sent to its three recipients (COMPLETED). */
  sentCampaignId?: string;
  /** A draft with its template mapped and its audience chosen, ready to start. */
  draftCampaignId?: string;
  /** A contact named WALK_CONTACT_NAME, opted out of marketing. */
  contactId?: string;
  /** A finished CSV import with one rejected row. */
  importId?: string;
  /** A finished bulk tagging over a filter. */
  bulkJobId?: string;
  /** A settled top-up, which has a receipt. */
  receiptOrderId?: string;
}

/** The name of the walk's sent campaign (its detail page's heading in both languages). */
export const WALK_CAMPAIGN_NAME = 'Promo Akhir Tahun Pelanggan Setia Cabang Jakarta Selatan';
/** The walk's contact: a long name, as Indonesian names can be (its detail page's heading). */
export const WALK_CONTACT_NAME = 'Raden Ayu Kusumawardhani Prameswari Hadiningrat';

/** The id the fill step made for a page's address; the walk fails here, by name, if it made none. */
function made(data: WalkData, key: keyof WalkData): string {
  const value = data[key];
  if (!value) throw new Error(`the walk's fill step made no ${key}`);
  return value;
}

export interface WalkPage {
  /** Screenshot name. */
  name: string;
  /** The address, or for a page about one thing, the address made from what the fill step made (`data`). */
  path: string | ((data: WalkData) => string);
  visitor: Visitor;
  /**
   * The owner's workspace also gets campaigns (a channel, contacts, a top-up) or records (a contact, an import, a
   * bulk job, a paid top-up): WalkData for `path`.
   */
  data?: 'campaigns' | 'records';
  /** The level-1 heading in each language. */
  heading: (locale: Locales['en'] | Locales['id']) => string;
  /** The HTTP status the page answers with (200 unless said). */
  status?: number;
  /** Phrases the page shows in each language, written by hand for what the fill step made (plurals, numbers). */
  shows?: { en: string[]; id: string[] };
}

export const walkPages: WalkPage[] = [
  {
    name: 'change-password',
    path: '/change-password',
    visitor: 'seededAdmin',
    heading: (l) => l.signIn.changePassword.title,
  },
  { name: 'login', path: '/login', visitor: 'signedOut', heading: (l) => l.signIn.login.title },
  {
    name: 'two-factor',
    path: '/login/two-factor',
    visitor: 'twoFactorChallenge',
    heading: (l) => l.signIn.twoFactor.title,
  },
  { name: 'invitation', path: '/invite', visitor: 'invitee', heading: (l) => l.invitation.title },
  {
    name: 'reset-password',
    path: '/reset-password',
    visitor: 'resetLinkHolder',
    heading: (l) => l.passwordReset.title,
  },
  { name: 'dashboard', path: '/dashboard', visitor: 'owner', heading: (l) => l.dashboard.welcome },
  { name: 'contacts', path: '/contacts', visitor: 'owner', heading: (l) => l.contacts.title },
  {
    name: 'contact',
    path: (data) => `/contacts/${made(data, 'contactId')}`,
    visitor: 'owner',
    data: 'records',
    heading: () => WALK_CONTACT_NAME,
  },
  {
    name: 'contacts-import-progress',
    path: (data) => `/contacts/import/${made(data, 'importId')}`,
    visitor: 'owner',
    data: 'records',
    heading: (l) => l.contacts.import.progress.title,
    // Three rows, one rejected (support/workspace.ts fillRecords).
    shows: {
      en: ['100% (3 of 3 rows)', '1 row was rejected. The report gives its line number and reason.'],
      id: ['100% (3 dari 3 baris)', '1 baris ditolak.'],
    },
  },
  {
    name: 'contacts-bulk-job',
    path: (data) => `/contacts/jobs/${made(data, 'bulkJobId')}`,
    visitor: 'owner',
    data: 'records',
    heading: (l) => l.contacts.bulkJob.title,
  },
  { name: 'contacts-new', path: '/contacts/new', visitor: 'owner', heading: (l) => l.contacts.create.title },
  { name: 'contacts-import', path: '/contacts/import', visitor: 'owner', heading: (l) => l.contacts.import.title },
  {
    name: 'contacts-keywords',
    path: '/contacts/keywords',
    visitor: 'owner',
    heading: (l) => l.contacts.keywords.title,
  },
  { name: 'campaigns', path: '/campaigns', visitor: 'owner', heading: (l) => l.campaigns.title },
  { name: 'campaigns-new', path: '/campaigns/new', visitor: 'owner', heading: (l) => l.campaigns.create.title },
  {
    name: 'campaign-sent',
    path: (data) => `/campaigns/${made(data, 'sentCampaignId')}`,
    visitor: 'owner',
    data: 'campaigns',
    heading: () => WALK_CAMPAIGN_NAME,
  },
  {
    name: 'campaign-draft',
    path: (data) => `/campaigns/${made(data, 'draftCampaignId')}/edit`,
    visitor: 'owner',
    data: 'campaigns',
    heading: (l) => l.campaigns.editor.title,
  },
  { name: 'templates', path: '/templates', visitor: 'owner', heading: (l) => l.templates.title },
  { name: 'channels', path: '/channels', visitor: 'owner', heading: (l) => l.channels.title },
  { name: 'wallet', path: '/wallet', visitor: 'owner', heading: (l) => l.wallet.title },
  { name: 'wallet-ledger', path: '/wallet/ledger', visitor: 'owner', heading: (l) => l.wallet.ledger.title },
  { name: 'wallet-billing', path: '/wallet/billing', visitor: 'owner', heading: (l) => l.wallet.billing.title },
  {
    name: 'wallet-receipt',
    path: (data) => `/wallet/receipts/${made(data, 'receiptOrderId')}`,
    visitor: 'owner',
    data: 'records',
    heading: (l) => l.wallet.receipt.title,
  },
  { name: 'admin-pricing', path: '/admin/pricing', visitor: 'platformAdmin', heading: (l) => l.wallet.pricing.title },
  {
    name: 'notifications',
    path: '/notifications',
    visitor: 'owner',
    heading: (l) => l.notificationCenter.title,
  },
  { name: 'help', path: '/help', visitor: 'owner', heading: (l) => l.help.title },
  { name: 'search', path: '/search', visitor: 'owner', heading: (l) => l.search.title },
  { name: 'profile', path: '/settings/profile', visitor: 'owner', heading: (l) => l.profile.title },
  { name: 'members', path: '/settings/members', visitor: 'owner', heading: (l) => l.members.title },
  { name: 'roles', path: '/settings/roles', visitor: 'owner', heading: (l) => l.roles.title },
  { name: 'api-tokens', path: '/settings/api-tokens', visitor: 'owner', heading: (l) => l.apiTokens.title },
  {
    name: 'workspace',
    path: '/settings/workspace',
    visitor: 'owner',
    heading: (l) => l.workspaceSettings.title,
  },
  { name: 'audit-log', path: '/settings/audit-log', visitor: 'owner', heading: (l) => l.audit.title },
  {
    name: 'not-found',
    path: '/no-such-page',
    visitor: 'signedOut',
    heading: (l) => l.errors.notFound.title,
    status: 404,
  },
  {
    name: 'not-found-signed-in',
    path: '/settings/no-such-section',
    visitor: 'owner',
    heading: (l) => l.errors.notFound.title,
    status: 404,
  },
];
