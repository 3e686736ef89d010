import type { TestApi } from '../support/api';
import type { TestMember } from '../support/identity';
import { waitFor } from '../support/wait';

/** Helpers of the contacts suites: GraphQL as a member, the upload route, and waiting for an import. */

export const as = (member: TestMember | string) => ({
  authorization: `Bearer ${typeof member === 'string' ? member : member.sessionToken}`,
});

export async function gql<T>(
  api: TestApi,
  member: TestMember | string,
  query: string,
  variables: Record<string, unknown> = {},
  language = 'en',
) {
  const { body } = await api.graphql<T>(query, variables, { ...as(member), 'accept-language': language });
  return body;
}

export async function ok<T>(api: TestApi, member: TestMember | string, query: string, variables = {}) {
  const body = await gql<T>(api, member, query, variables);
  if (body.errors) throw new Error(`unexpected errors: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

export interface Uploaded {
  id: string;
  columns: string[];
  delimiter: string;
  totalRows: number;
  preview: string[][];
  suggestedMapping: { phone: number; name: number | null; tags: number | null };
}

export async function upload(
  api: TestApi,
  member: TestMember | string,
  file: Buffer | string,
  options: { contentType?: string; fileName?: string; language?: string } = {},
) {
  const response = await fetch(
    `${api.url}/api/contacts/imports?fileName=${encodeURIComponent(options.fileName ?? 'contacts.csv')}`,
    {
      method: 'POST',
      headers: {
        ...as(member),
        'content-type': options.contentType ?? 'text/csv',
        'accept-language': options.language ?? 'en',
      },
      body: typeof file === 'string' ? Buffer.from(file, 'utf8') : file,
    },
  );
  return { status: response.status, body: (await response.json()) as Uploaded & { error?: Record<string, unknown> } };
}

export const START_IMPORT = `mutation ($input: StartContactImportInput!) {
  startContactImport(input: $input) { id status }
}`;

export const IMPORT_STATUS = `query ($id: ID!) {
  contactImport(id: $id) {
    id status totalRows processedRows createdRows updatedRows skippedRows rejectedRows reportUrl failure
  }
}`;

export interface ImportView {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  skippedRows: number;
  rejectedRows: number;
  reportUrl: string | null;
  failure: string | null;
}

export const CONSENT = 'Pelanggan setuju menerima promo lewat WhatsApp saat mendaftar di toko.';

/** Uploads and imports a file with the suggested mapping (or the one given), waiting for the job to finish. */
export async function importFile(
  api: TestApi,
  member: TestMember | string,
  file: Buffer | string,
  input: Record<string, unknown> = {},
): Promise<ImportView> {
  const uploaded = await upload(api, member, file);
  if (uploaded.status !== 201) throw new Error(`upload refused: ${JSON.stringify(uploaded.body)}`);
  const { phone, name, tags } = uploaded.body.suggestedMapping;
  await ok(api, member, START_IMPORT, {
    input: { importId: uploaded.body.id, mapping: { phone, name, tags }, consentStatement: CONSENT, ...input },
  });
  return waitForImport(api, member, uploaded.body.id);
}

export async function waitForImport(api: TestApi, member: TestMember | string, id: string): Promise<ImportView> {
  return waitFor(
    async () => {
      const { contactImport } = await ok<{ contactImport: ImportView }>(api, member, IMPORT_STATUS, { id });
      return contactImport.status === 'COMPLETED' || contactImport.status === 'FAILED' ? contactImport : undefined;
    },
    { what: `import ${id} to finish`, timeoutMs: 60_000 },
  );
}

export const CONTACTS = `query ($filter: ContactFilter, $first: Int, $after: String, $orderBy: ContactOrder) {
  contacts(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount totalCountIsEstimate
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id phone name tags optedOut marketingOptOut source attributes { key value } } }
  }
}`;

export interface ContactNode {
  id: string;
  phone: string;
  name: string | null;
  tags: string[];
  optedOut: boolean;
  marketingOptOut: boolean;
  source: string;
  attributes: { key: string; value: string }[];
}

export interface ContactsPage {
  contacts: {
    totalCount: number;
    totalCountIsEstimate: boolean;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: ContactNode }[];
  };
}

export async function listContacts(api: TestApi, member: TestMember | string, variables: Record<string, unknown> = {}) {
  return (await ok<ContactsPage>(api, member, CONTACTS, { first: 50, ...variables })).contacts;
}

export const CREATE = `mutation ($input: CreateContactInput!) {
  createContact(input: $input) { id phone name tags source consent { source statement userId } }
}`;
