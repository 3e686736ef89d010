import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { newId } from '../../core/ids';
import { rupiah } from '../../core/money';
import type { TokenBox } from '../channels';
import { Contact, normalizePhone, PHONE_PROBLEM_KEYS } from '../contacts';
import type { BillingService, TemplateCategory, WalletService } from '../wallet';
import type { CampaignActor, CampaignsService } from './campaigns.service';
import type { Messenger } from './dispatch/messenger';
import type { CampaignMediaService } from './media/media.service';
import { sendComponents } from './template-parameters';

/**
 * One message of a campaign's template to one number, before launch: what the recipients
 * will see, with the mapping applied to the contact of that number when there is one. It is
 * a real send, so it costs one message at the category's price: held before the call and
 * captured only when Meta accepts it, as a campaign's messages are (the wallet's charge policy).
 */
export class TestSendService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly messenger: Messenger,
    private readonly tokens: TokenBox,
    private readonly wallet: WalletService,
    private readonly billing: BillingService,
    private readonly clock: Clock,
    private readonly media: CampaignMediaService,
  ) {}

  async send(em: EntityManager, workspaceId: string, id: string, rawPhone: string, by?: CampaignActor) {
    const result = await this.attempt(em, workspaceId, id, rawPhone);
    // The number stays out of the audit log (personal data); what happened and its wamid do not.
    await this.campaigns.recordChange(em, by, 'campaign.testSent', result.campaign, {
      status: result.status,
      ...(result.errorCode ? { errorCode: result.errorCode } : {}),
    });
    return { status: result.status, wamid: result.wamid, errorCode: result.errorCode };
  }

  private async attempt(em: EntityManager, workspaceId: string, id: string, rawPhone: string) {
    const parsed = normalizePhone(rawPhone);
    if (!parsed.ok) {
      throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { phone: PHONE_PROBLEM_KEYS[parsed.problem] });
    }
    const campaign = await this.campaigns.get(em, workspaceId, id);
    const { channel, template } = await this.campaigns.channelAndTemplate(em, workspaceId, campaign);
    if (template.status !== 'APPROVED') {
      throw new AppError('CONFLICT', 'campaigns.templateNotApproved', { status: template.status });
    }
    this.campaigns.assertMapped(template, campaign);
    const prices = await this.billing.pricesAt(em, workspaceId, this.clock.now());
    const price =
      prices.find((entry) => entry.category === (template.category as TemplateCategory))?.amount ?? rupiah(0);
    const contact = await em.findOne(Contact, { workspace: workspaceId, phone: parsed.e164 });
    // An uploaded header goes by Meta's id for this channel's number: uploaded now if it has none yet (then reused
    // by the launch).
    const headerMedia =
      campaign.headerMedia?.source === 'UPLOAD' && campaign.headerMedia.fileId
        ? {
            ...campaign.headerMedia,
            metaMediaId: await this.media.metaMediaId(em, workspaceId, campaign.headerMedia.fileId, channel),
          }
        : campaign.headerMedia;
    const components = sendComponents(
      template,
      campaign.variables,
      { phone: parsed.e164, name: contact?.name ?? null, attributes: contact?.attributes ?? {} },
      headerMedia,
    );
    const testId = newId();
    const money = { reference: `campaign:${campaign.id}:test`, actor: `campaign:${campaign.id}` };
    // Held before the call, as a campaign's messages are: concurrent test sends cannot spend the same rupiah, and a
    // message Meta accepts is always paid for (refused with INSUFFICIENT_BALANCE, and not sent, when short).
    const holdId =
      price > 0n
        ? (
            await this.wallet.hold(em, workspaceId, {
              ...money,
              key: `campaign:${campaign.id}:test:${testId}:hold`,
              amount: price,
            })
          ).holdId
        : null;
    const settle = async (charged: boolean, details: Record<string, unknown> = {}) => {
      if (!holdId) return;
      const key = `campaign:${campaign.id}:test:${testId}:${charged ? 'charge' : 'release'}`;
      if (charged) await this.wallet.capture(em, workspaceId, { ...money, key, holdId, amount: price, details });
      else await this.wallet.release(em, workspaceId, { ...money, key, holdId });
    };
    let outcome: Awaited<ReturnType<Messenger['send']>>;
    try {
      outcome = await this.messenger.send(this.tokens.open(channel.accessTokenSealed), channel.phoneNumberId, {
        to: parsed.e164.replace(/^\+/, ''),
        template: { name: template.name, language: template.language, components },
        callbackData: `test:${testId}`,
      });
    } catch (error) {
      await settle(false);
      throw error;
    }
    if (outcome.kind === 'accepted') {
      await settle(true, { wamid: outcome.wamid });
      return { campaign, status: 'SENT', wamid: outcome.wamid, errorCode: null };
    }
    // Refused, never sent, or no answer (a test is not reconciled later): not charged.
    await settle(false);
    if (outcome.kind === 'rejected') return { campaign, status: 'FAILED', wamid: null, errorCode: outcome.code };
    return { campaign, status: outcome.kind === 'not-sent' ? 'FAILED' : 'UNKNOWN', wamid: null, errorCode: null };
  }
}
