import type { IdentityServices } from '../identity';
import { defineModule } from '../manifest';
import { Contact, ContactEvent, ContactSettings, ErasedSuppression, Segment } from './contact.entity';
import { ContactBulkService, BULK_JOB } from './contact-bulk.service';
import { ContactExportService } from './contact-export.service';
import { EVERY_FILTER, batchIdsStatement, cappedCountStatement, pageStatement } from './contact-filter';
import { ContactBulkJob, ContactExport, ContactImport } from './contact-import.entity';
import { ContactImportService, IMPORT_JOB } from './contact-import.service';
import { ContactOrder } from './contact-types';
import { contactRoutes } from './contacts.routes';
import { ContactsResolver } from './contacts.resolver';
import { ContactsService } from './contacts.service';
import * as contactsSql from './contacts.sql';
import { PhoneHasher } from './erasure';
import { Migration20261201120000Contacts } from './migrations/20261201-120000-contacts';
import { Migration20261201150000ImportConsentEvents } from './migrations/20261201-150000-import-consent-events';
import { Migration20261201170000ContactNameSearch } from './migrations/20261201-170000-contact-name-search';
import { Migration20261201190000BulkActionLength } from './migrations/20261201-190000-bulk-action-length';
import { Migration20261202060000ContactReview } from './migrations/20261202-060000-contact-review';
import { Migration20261203090000StagedPreviousHash } from './migrations/20261203-090000-staged-previous-hash';
import { Migration20261203180000ContactEventByContact } from './migrations/20261203-180000-contact-event-by-contact';
import { CONTACT_SEARCH_STATEMENTS, contactSearchSource } from './contacts.search';
import { PersonalDataPurge, PURGE_EVERY_MS, PURGE_JOB } from './purge.service';

const WORKSPACE = '00000000-0000-7000-8000-000000000000';

/**
 * The filter-shaped statements with every filter set: prepared by the statements test like
 * the fixed ones, so each fragment of the builder is checked against the schema.
 */
const filterStatements = [
  pageStatement(WORKSPACE, EVERY_FILTER, ContactOrder.NAME_ASC, 50, { id: WORKSPACE, key: 'Budi' }).statement,
  pageStatement(WORKSPACE, EVERY_FILTER, ContactOrder.PHONE_ASC, 50, { id: WORKSPACE, key: '+62812' }).statement,
  pageStatement(WORKSPACE, { ...EVERY_FILTER, search: '0812345' }, ContactOrder.CREATED_DESC, 50, {
    id: WORKSPACE,
    key: null,
  }).statement,
  cappedCountStatement(WORKSPACE, EVERY_FILTER, 10_000).statement,
  batchIdsStatement(WORKSPACE, EVERY_FILTER).statement,
];

export interface ContactsJobData {
  workspaceId: string;
  importId?: string;
  jobId?: string;
}

export function createContactsServices(
  { config, clock, logger, jobs }: Parameters<Parameters<typeof defineModule>[0]['services']>[0],
  identity: IdentityServices,
) {
  const log = logger.child({ module: 'contacts' });
  const hasher = new PhoneHasher(config.secrets.encryptionKey, config.secrets.previousEncryptionKey);
  const contacts = new ContactsService(identity.audit, clock, hasher);
  return {
    contacts,
    contactBulk: new ContactBulkService(contacts, identity.audit, clock, hasher, jobs, log),
    contactImports: new ContactImportService(identity.audit, clock, hasher, jobs, log),
    contactExports: new ContactExportService(contacts, identity.audit, clock),
    personalDataPurge: new PersonalDataPurge(clock, config.contacts.retentionDays, log),
    // Where another module must keep a number countable but unreadable (campaigns' portfolio_recipient).
    phoneHasher: hasher,
    // A plain object: the resolver container registers service instances by class and skips these.
    routeNeeds: { access: identity.access, maxUploadBytes: config.contacts.importMaxBytes },
  };
}

export type ContactsServices = ReturnType<typeof createContactsServices>;

export const contactsModule = defineModule<'contacts', ContactsServices, { identity: IdentityServices }>({
  name: 'contacts',
  requires: ['identity'],
  entities: [
    Contact,
    ContactEvent,
    ErasedSuppression,
    Segment,
    ContactSettings,
    ContactImport,
    ContactBulkJob,
    ContactExport,
  ],
  migrations: [
    { name: 'Migration20261201120000Contacts', class: Migration20261201120000Contacts },
    { name: 'Migration20261201150000ImportConsentEvents', class: Migration20261201150000ImportConsentEvents },
    { name: 'Migration20261201170000ContactNameSearch', class: Migration20261201170000ContactNameSearch },
    { name: 'Migration20261201190000BulkActionLength', class: Migration20261201190000BulkActionLength },
    { name: 'Migration20261202060000ContactReview', class: Migration20261202060000ContactReview },
    { name: 'Migration20261203090000StagedPreviousHash', class: Migration20261203090000StagedPreviousHash },
    { name: 'Migration20261203180000ContactEventByContact', class: Migration20261203180000ContactEventByContact },
  ],
  statements: [...Object.values(contactsSql), ...filterStatements, ...CONTACT_SEARCH_STATEMENTS],
  searchSources: [contactSearchSource],
  resolvers: [ContactsResolver],
  services: (deps, { identity }) => createContactsServices(deps, identity),
  jobs: (services, { orm }) => [
    {
      name: IMPORT_JOB,
      handler: async (job) => {
        const { workspaceId, importId } = job.attrs.data as ContactsJobData;
        await services.contactImports.run(orm, workspaceId, importId!);
      },
    },
    {
      name: BULK_JOB,
      handler: async (job) => {
        const { workspaceId, jobId } = job.attrs.data as ContactsJobData;
        await services.contactBulk.run(orm, workspaceId, jobId!);
      },
    },
    {
      name: PURGE_JOB,
      repeatEveryMs: PURGE_EVERY_MS,
      handler: async () => {
        await services.personalDataPurge.run(orm);
      },
    },
  ],
  routes: (services, { orm }) =>
    contactRoutes({
      orm,
      access: services.routeNeeds.access,
      imports: services.contactImports,
      exports: services.contactExports,
      maxUploadBytes: services.routeNeeds.maxUploadBytes,
    }),
});
