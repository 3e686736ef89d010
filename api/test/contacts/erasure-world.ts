import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { encodedForms } from '../support/hidden-number';
import {
  PHONE_NUMBER_ID,
  PRICE,
  START,
  WABA_ID,
  startCampaignWorld,
  type CampaignWorld,
  type CampaignWorldOptions,
} from '../campaigns/support';
import { ok } from './support';

const run = promisify(execFile);

/**
 * The world the erasure suites share: a campaign world (Meta simulator, API, workspace, channel) and a connection of
 * the test's own to its database, with the steps each of them takes: a contact typed in, a campaign to a tag, the
 * erasure as a user asks for it, a status Meta reports for a wamid, and the full-dump check that nothing is left.
 */
export interface ErasureWorld {
  world: CampaignWorld;
  client: Client;
  /** A contact typed in as `0<digits>`; its id. */
  contact(digits: string, name: string, tags?: string[]): Promise<string>;
  /** `deleteContacts` of these ids by the Owner, over GraphQL. */
  erase(ids: string[]): Promise<{ deleteContacts: { affected: number } }>;
  /** A funded, started campaign to the contacts of a tag; its id. */
  launchTo(tag: string): Promise<string>;
  /** Meta's status of one message, posted by the simulator at the next delivery (recipient: the number's digits). */
  report(status: { wamid: string; status: string; recipient: string; messageId?: string }): void;
  /** A full data-only dump of the database. */
  dump(): Promise<string>;
  /** Neither the number (as digits, hex or base64) nor any of `also` (original wamids) anywhere in a full dump. */
  expectNoTrace(digits: string, ...also: string[]): Promise<void>;
}

/** Starts the world before the suite's tests and stops it after them; call the getter inside tests. */
export function useErasureWorld(options: CampaignWorldOptions = {}): () => ErasureWorld {
  let shared: ErasureWorld | undefined;
  beforeAll(async () => {
    shared = await erasureWorld(options);
  });
  afterAll(async () => {
    await shared?.client.end();
    await shared?.world.stop();
  });
  return () => shared!;
}

export async function erasureWorld(options: CampaignWorldOptions = {}): Promise<ErasureWorld> {
  const world = await startCampaignWorld(options);
  const client = new Client({ connectionString: world.api.database.url });
  await client.connect();
  const dump = async () =>
    (
      await run('pg_dump', ['--data-only', '--no-owner', world.api.database.url], {
        maxBuffer: 256 * 1024 * 1024,
      })
    ).stdout;
  return {
    world,
    client,
    async contact(digits, name, tags = []) {
      const { createContact } = await ok<{ createContact: { id: string } }>(
        world.api,
        world.owner,
        'mutation ($phone: String!, $name: String, $tags: [String!]) { createContact(input: { phone: $phone, name: $name, tags: $tags }) { id } }',
        { phone: `0${digits}`, name, tags },
      );
      return createContact.id;
    },
    erase: (ids) =>
      ok(world.api, world.owner, 'mutation ($ids: [ID!]) { deleteContacts(selection: { ids: $ids }) { affected } }', {
        ids,
      }),
    async launchTo(tag) {
      const campaignId = await world.draftForTag(tag);
      await world.fund(10n * PRICE);
      expect((await world.gql(START, { id: campaignId })).errors).toBeUndefined();
      return campaignId;
    },
    report({ wamid, status, recipient, messageId }) {
      world.meta.simulator.sends.webhooks.send(
        { wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '15550001111' },
        'messages',
        {
          statuses: [
            {
              id: wamid,
              status,
              timestamp: String(Math.floor(world.clock.now().getTime() / 1000)),
              recipient_id: recipient,
              ...(messageId ? { biz_opaque_callback_data: messageId } : {}),
            },
          ],
        },
      );
    },
    dump,
    async expectNoTrace(digits, ...also) {
      const stdout = await dump();
      for (const text of also) expect(stdout).not.toContain(text);
      expect(stdout).not.toContain(digits);
      expect(encodedForms(digits).filter((form) => stdout.includes(form))).toEqual([]);
    },
  };
}
