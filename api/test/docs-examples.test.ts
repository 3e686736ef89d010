import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { rupiah } from '../src/core/money';
import { NotificationType } from '../src/modules/notifications';
import { startMetaSimulator, type MetaSimulatorHandle } from '../src/simulators/meta';
import { startMidtransSimulator, type MidtransSimulatorHandle } from '../src/simulators/midtrans';
import { startTestApi, type TestApi } from './support/api';
import { createMember, createWorkspace, PASSWORD, type TestMember } from './support/identity';
import { katalogTemplate } from './support/media-templates';

const run = promisify(execFile);

const KATALOG = katalogTemplate('1234567890127001');
const API_DOC = join(__dirname, '..', '..', 'docs', 'API.md');

/** The runnable examples of docs/API.md: `<!-- example: name (sh|ts) -->` followed by a code block. */
function examples(): { name: string; language: 'sh' | 'ts'; code: string }[] {
  const text = readFileSync(API_DOC, 'utf8');
  return [...text.matchAll(/<!-- example: ([\w-]+) \((sh|ts)\) -->\s*```(?:sh|ts)\n([\s\S]*?)```/g)].map((match) => ({
    name: match[1],
    language: match[2] as 'sh' | 'ts',
    code: match[3],
  }));
}

describe('docs/API.md examples, against a live API', () => {
  let api: TestApi;
  let midtrans: MidtransSimulatorHandle;
  let meta: MetaSimulatorHandle;
  const metaToken = 'EAAG-docs-system-user-token-0001';
  let member: TestMember;
  let token = '';
  let workdir: string;

  beforeAll(async () => {
    // The top-up example creates a Snap transaction: against the simulator, as in the demo.
    const serverKey = 'SB-Mid-server-docs-0123456789';
    midtrans = await startMidtransSimulator({ port: 0, isProduction: false, serverKey, merchantId: 'G000000000' });
    // The channels example connects the number of a WABA the Meta simulator knows, with two templates.
    meta = await startMetaSimulator({ port: 0, isProduction: false, appId: '1000000000000001' });
    meta.simulator.addAccount({
      wabaId: '102290129340398',
      token: metaToken,
      numbers: [
        {
          id: '106540352242922',
          displayPhoneNumber: '+62 812-3456-7890',
          verifiedName: 'Toko Contoh',
          qualityRating: 'GREEN',
          throughputLevel: 'STANDARD',
          isOnBizApp: false,
        },
      ],
      templates: (
        JSON.parse(
          readFileSync(
            join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'meta', 'template-list-page.json'),
            'utf8',
          ),
        ) as { data: Record<string, unknown>[] }
      ).data,
    });
    api = await startTestApi({
      // Imports and bulk actions run as jobs, as in the portal.
      runJobs: true,
      env: {
        MIDTRANS_SERVER_KEY: serverKey,
        MIDTRANS_SNAP_BASE_URL: midtrans.url,
        MIDTRANS_API_BASE_URL: midtrans.url,
        META_GRAPH_BASE_URL: meta.url,
        META_APP_ID: '1000000000000001',
      },
    });
    const em = api.running.orm.em.fork();
    // A platform admin too, for the prices example.
    member = await createMember(em, await createWorkspace(em, 'Toko Contoh'), 'owner', { platformAdmin: true });
    // Something for the notifications example to read.
    await api.running.services.notifications.notifications.notify(
      em,
      member.workspace.id,
      NotificationType.PAYMENT_SETTLED,
      { orderId: 'BZ-TOPUP-20261201-DOCS', amount: '100000' },
      { userIds: [member.user.id] },
    );
    // The campaigns example sends: the wallet holds what a paid top-up would have credited.
    await api.running.services.wallet.wallet.credit(em, member.workspace.id, {
      key: 'docs-examples:funds',
      reference: 'docs-examples',
      actor: 'docs-examples',
      amount: rupiah(100_000),
    });
    workdir = mkdtempSync(join(tmpdir(), 'bizone-docs-'));
  });
  afterAll(async () => {
    rmSync(workdir, { recursive: true, force: true });
    await api.stop();
    await midtrans.close();
    await meta.close();
  });

  async function flagReplyForReview() {
    const em = api.running.orm.em.fork();
    const book = api.running.services.contacts.contacts;
    const wulan = await book.inboundContact(em, member.workspace.id, { phone: '6281355550101' });
    await book.handleReply(em, member.workspace.id, wulan!.id, 'tolong berhenti kirim promo ya');
  }

  const env = () => ({
    PATH: process.env.PATH,
    BIZONE_API: `${api.url}/api/graphql`,
    BIZONE_EMAIL: member.user.email,
    BIZONE_PASSWORD: PASSWORD,
    BIZONE_TOKEN: token,
    META_TOKEN: metaToken,
  });

  it('has the examples this test expects', () => {
    expect(examples().map((example) => `${example.name} (${example.language})`)).toEqual([
      'get-token (sh)',
      'whoami (sh)',
      'whoami (ts)',
      'members (sh)',
      'invite-member (sh)',
      'notifications (sh)',
      'workspace-time-zone (sh)',
      'contacts-create (sh)',
      'contacts-import (sh)',
      'contacts-find (sh)',
      'contacts-bulk (sh)',
      'segments (sh)',
      'opt-out-keywords (sh)',
      'contacts-review (sh)',
      'contacts-export-delete (sh)',
      'wallet (sh)',
      'topup (sh)',
      'low-balance (sh)',
      'billing (sh)',
      'prices (sh)',
      'channels (sh)',
      'replies (sh)',
      'search (sh)',
      'campaigns (sh)',
      'campaign-insights (sh)',
      'campaign-media (sh)',
      'message-statistics (sh)',
      'team-admin (sh)',
      'platform-admin (sh)',
    ]);
  });

  it.each(examples().map((example) => [`${example.name} (${example.language})`, example] as const))(
    '%s runs and succeeds',
    async (_label, example) => {
      // The header-media example's template (an IMAGE header, a URL button with a dynamic suffix) is approved at Meta
      // only now: the earlier examples count the WABA's templates.
      if (example.name === 'campaign-media') meta.simulator.account('102290129340398')!.templates.push(KATALOG);
      // The review example settles a reply that came in on WhatsApp: written in as the webhook would.
      if (example.name === 'contacts-review') await flagReplyForReview();
      if (example.language === 'sh') {
        const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', example.code], { env: env(), cwd: workdir });
        if (example.name === 'get-token') {
          token = stdout.trim().split('\n').pop()!;
          expect(token).toMatch(/^bzt_[\w-]{43}$/);
        } else {
          expect(stdout).not.toContain('"errors"');
        }
      } else {
        const file = join(workdir, `${example.name}.mts`);
        writeFileSync(file, `${example.code}\nexport {};\n`);
        // Run as a user would: TypeScript through the same swc hook the project uses.
        const { stdout } = await run(process.execPath, ['--import', '@swc-node/register/esm-register', file], {
          env: env(),
          cwd: join(__dirname, '..'),
        });
        expect(stdout).toMatch(new RegExp(`^${member.user.email} in Toko Contoh: .*CONTACTS_WRITE`));
        expect(stdout).toContain('MEMBERS_READ');
      }
    },
  );
});
