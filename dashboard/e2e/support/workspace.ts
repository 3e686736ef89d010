import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetaSimulator, SimulatedNumber } from '../../../api/src/simulators/meta/meta-simulator';
import { callApi, type TestOwner } from './api';
import { REPO_ROOT, type Stack } from './stack';
import { waitFor } from './wait';

/** The approved templates of Meta's documented list answer (../shared/fixtures/meta/template-list-page.json). */
export const FIXTURE_TEMPLATES = (
  JSON.parse(readFileSync(join(REPO_ROOT, '..', 'shared', 'fixtures', 'meta', 'template-list-page.json'), 'utf8')) as {
    data: Record<string, unknown>[];
  }
).data;

export interface SimulatedChannel {
  wabaId: string;
  token: string;
  /** The one number of the WABA, as Meta describes it (STANDARD throughput and GREEN quality unless said). */
  number: Pick<SimulatedNumber, 'id' | 'displayPhoneNumber'> & Partial<SimulatedNumber>;
  /** What the workspace calls the channel. */
  name: string;
  /** The portfolio's messaging limit tier (`TIER_250` ... `TIER_UNLIMITED`); the simulator's default is TIER_2K. */
  messagingLimitTier?: string;
  templates?: Record<string, unknown>[];
}

/** Where a test registers WhatsApp accounts: a simulator in its own process, or the portal's (portalMetaSimulator). */
export interface AccountRegistry {
  addAccount(account: Parameters<MetaSimulator['addAccount']>[0]): unknown;
}

/** The portal's own Meta simulator, through its control API (for suites without a simulator of their own). */
export function portalMetaSimulator(stack: Stack): AccountRegistry {
  return {
    async addAccount(account) {
      const response = await fetch(`${stack.metaUrl}/__simulator/meta/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      if (!response.ok) throw new Error(`the Meta simulator refused the account: ${await response.text()}`);
    },
  };
}

/**
 * A WhatsApp number at the Meta simulator connected to `owner`'s workspace through the API, its templates synced:
 * the channel's id and its templates' ids by name.
 */
export async function connectSimulatedChannel(
  meta: AccountRegistry,
  stack: Stack,
  owner: TestOwner,
  channel: SimulatedChannel,
): Promise<{ channelId: string; templateIds: Record<string, string> }> {
  await meta.addAccount({
    wabaId: channel.wabaId,
    token: channel.token,
    ...(channel.messagingLimitTier ? { messagingLimitTier: channel.messagingLimitTier } : {}),
    numbers: [
      {
        verifiedName: 'Toko Contoh',
        qualityRating: 'GREEN',
        throughputLevel: 'STANDARD',
        isOnBizApp: false,
        ...channel.number,
      },
    ],
    templates: channel.templates ?? FIXTURE_TEMPLATES,
  });
  const api = <T>(query: string, variables: Record<string, unknown>) =>
    callApi<T>(stack, query, variables, owner.sessionToken);
  const { connectChannel } = await api<{ connectChannel: { id: string } }>(
    `mutation ($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }`,
    {
      input: {
        name: channel.name,
        phoneNumberId: channel.number.id,
        wabaId: channel.wabaId,
        accessToken: channel.token,
      },
    },
  );
  await api(`mutation ($id: ID!) { syncTemplates(channelId: $id) }`, { id: connectChannel.id });
  const { templates } = await api<{ templates: { edges: { node: { id: string; name: string } }[] } }>(
    `query ($channelId: ID!) { templates(channelId: $channelId, first: 100) { edges { node { id name } } } }`,
    { channelId: connectChannel.id },
  );
  return {
    channelId: connectChannel.id,
    templateIds: Object.fromEntries(templates.edges.map(({ node }) => [node.name, node.id])),
  };
}

/**
 * A top-up of `amount` rupiah paid at the Midtrans simulator; resolves once the wallet has it available, with the
 * order's id (its receipt's address).
 */
export async function topUp(stack: Stack, owner: TestOwner, amount: number): Promise<string> {
  const { createTopup } = await callApi<{ createTopup: { order: { orderId: string } } }>(
    stack,
    'mutation ($input: CreateTopupInput!) { createTopup(input: $input) { order { orderId } } }',
    { input: { amount } },
    owner.sessionToken,
  );
  const response = await fetch(`${stack.midtransUrl}/__simulator/midtrans/transactions/${createTopup.order.orderId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ transaction_status: 'settlement', payment_type: 'gopay' }),
  });
  if (!response.ok) throw new Error(`the simulator refused to settle the top-up: ${response.status}`);
  await waitFor(
    async () => {
      const { wallet } = await callApi<{ wallet: { available: number | string } }>(
        stack,
        '{ wallet { available } }',
        {},
        owner.sessionToken,
      );
      return Number(wallet.available) >= amount;
    },
    { timeoutMs: 10_000, describe: () => 'the top-up never reached the wallet' },
  );
  return createTopup.order.orderId;
}

/** The fixture's promotion template (`Halo {{first_name}}, nikmati diskon {{discount}} sampai {{end_date}}.`) mapped. */
export const PROMO_VARIABLES = [
  { parameter: 'first_name', source: 'NAME', fallback: 'Pelanggan' },
  { parameter: 'discount', source: 'TEXT', value: '20%' },
  { parameter: 'end_date', source: 'TEXT', value: '31 Desember' },
];

/** A draft of the fixture's promotion template, mapped, for the contacts with `tag`: its id. */
export async function promoDraft(
  stack: Stack,
  owner: TestOwner,
  draft: { name: string; channelId: string; templateId: string; tag: string },
): Promise<string> {
  const { createCampaign } = await callApi<{ createCampaign: { id: string } }>(
    stack,
    'mutation ($input: CampaignDraftInput!) { createCampaign(input: $input) { id } }',
    {
      input: {
        name: draft.name,
        channelId: draft.channelId,
        templateId: draft.templateId,
        variables: PROMO_VARIABLES,
        audience: { kind: 'TAGS', tags: [draft.tag] },
      },
    },
    owner.sessionToken,
  );
  return createCampaign.id;
}

const digits = (count: number) => Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');

/**
 * Campaigns in `owner`'s workspace, through the portal's own Meta simulator: a number with the fixture's templates,
 * three contacts, a top-up, one campaign sent to them (waited for until COMPLETED) and one draft ready to start.
 */
export async function fillCampaigns(
  stack: Stack,
  owner: TestOwner,
  sentName: string,
): Promise<{ sentCampaignId: string; draftCampaignId: string }> {
  const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
    callApi<T>(stack, query, variables, owner.sessionToken);
  // Every workspace of the walk connects its own number: ids no other workspace uses.
  const { channelId, templateIds } = await connectSimulatedChannel(portalMetaSimulator(stack), stack, owner, {
    wabaId: `2049${digits(11)}`,
    token: `EAAG-walk-${digits(20)}`,
    name: 'Toko utama Jakarta',
    number: { id: `3049${digits(11)}`, displayPhoneNumber: '+62 811-3000-0001' },
  });
  for (const [index, name] of ['Ayu Lestari', 'Bayu Pratama', 'Citra Wijaya'].entries()) {
    await api('mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }', {
      input: { name, phone: `+62812900000${index + 1}`, consentStatement: 'Formulir toko', tags: ['pelanggan-setia'] },
    });
  }
  await topUp(stack, owner, 50_000);
  const draft = (name: string) =>
    promoDraft(stack, owner, { name, channelId, templateId: templateIds.promo_akhir_tahun!, tag: 'pelanggan-setia' });
  const sentCampaignId = await draft(sentName);
  await api('mutation ($id: ID!) { startCampaign(id: $id) { id } }', { id: sentCampaignId });
  await waitFor(
    async () => {
      const { campaign } = await api<{ campaign: { status: string } }>(
        'query ($id: ID!) { campaign(id: $id) { status } }',
        {
          id: sentCampaignId,
        },
      );
      return campaign.status === 'COMPLETED';
    },
    { timeoutMs: 60_000, intervalMs: 250, describe: () => 'the walk’s campaign did not complete within 60 s' },
  );
  return { sentCampaignId, draftCampaignId: await draft('Promo Imlek') };
}

/** What fillRecords made: one of each thing that has a page of its own outside campaigns. */
export interface WalkRecords {
  contactId: string;
  importId: string;
  bulkJobId: string;
  receiptOrderId: string;
}

/**
 * A contact with a long name (opted out of marketing, so its history has two entries), a finished CSV import with
 * one rejected row (its report card shows), a finished bulk job over a filter, and a settled top-up (its receipt).
 */
export async function fillRecords(stack: Stack, owner: TestOwner, contactName: string): Promise<WalkRecords> {
  const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
    callApi<T>(stack, query, variables, owner.sessionToken);
  const { createContact } = await api<{ createContact: { id: string } }>(
    'mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }',
    {
      input: {
        name: contactName,
        phone: '+6281290001234',
        consentStatement: 'Mendaftar lewat formulir toko dan setuju menerima promo WhatsApp.',
        tags: ['pelanggan-setia', 'jakarta-selatan'],
      },
    },
  );
  await api('mutation ($ids: [ID!]) { optOutContacts(selection: { ids: $ids }, kind: MARKETING) { affected } }', {
    ids: [createContact.id],
  });

  const csv = 'Nama;Telepon;Kota\nSiti;0813 1111 2222;Jakarta\nAgus;0857-2222-3333;Medan\nKantor;021-5551234;Jakarta\n';
  const upload = await fetch(`${stack.apiUrl}/api/contacts/imports?fileName=pelanggan.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${owner.sessionToken}` },
    body: csv,
  });
  if (!upload.ok) throw new Error(`the import upload was refused: ${upload.status} ${await upload.text()}`);
  const { id: importId } = (await upload.json()) as { id: string };
  await api(
    `mutation ($id: ID!) { startContactImport(input: { importId: $id, mapping: { phone: 1, name: 0, attributes: [{ column: 2, key: "kota" }] }, tag: "daftar-desember", duplicates: SKIP, keepValidRows: true, consentStatement: "Formulir toko" }) { id } }`,
    { id: importId },
  );
  await waitFor(
    async () => {
      const { contactImport } = await api<{ contactImport: { status: string } }>(
        'query ($id: ID!) { contactImport(id: $id) { status } }',
        { id: importId },
      );
      return contactImport.status === 'COMPLETED';
    },
    { timeoutMs: 30_000, intervalMs: 250, describe: () => 'the walk’s import did not complete within 30 s' },
  );

  const { tagContacts } = await api<{ tagContacts: { job: { id: string } } }>(
    'mutation { tagContacts(selection: { filter: { tags: ["daftar-desember"] } }, tag: "lebaran") { job { id } } }',
  );
  const bulkJobId = tagContacts.job.id;
  await waitFor(
    async () => {
      const { contactBulkJob } = await api<{ contactBulkJob: { status: string } }>(
        'query ($id: ID!) { contactBulkJob(id: $id) { status } }',
        { id: bulkJobId },
      );
      return contactBulkJob.status === 'COMPLETED';
    },
    { timeoutMs: 30_000, intervalMs: 250, describe: () => 'the walk’s bulk job did not complete within 30 s' },
  );

  const receiptOrderId = await topUp(stack, owner, 250_000);
  return { contactId: createContact.id, importId, bulkJobId, receiptOrderId };
}
