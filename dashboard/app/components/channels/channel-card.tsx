import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientValidation } from '../../utils/forms';
import { useDateTime } from '../../utils/use-date-time';
import { Alert, FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button, buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { Field } from '../ui/field';
import { Icon } from '../ui/icon';
import { formatCount, messagingLimit, qualityTone, statusTone } from './channel-facts';
import { updateTokenSchema } from './schemas';
import { useResetAfterSuccess } from './use-reset-after-success';
import type { ChannelRow, ChannelsActionData } from './types';

const KNOWN_STATUSES = ['CONNECTED', 'PAUSED', 'DISCONNECTED'] as const;
const KNOWN_QUALITIES = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

/**
 * One connected number: what Meta last said about it (status, quality, throughput, the portfolio's messaging
 * limit), what the last check verified, and, for CHANNELS_MANAGE, check / replace the token / disconnect.
 */
export function ChannelCard({
  channel,
  canManage,
  actionData,
}: {
  channel: ChannelRow;
  canManage: boolean;
  /** The action's refusal, when it was about this channel. */
  actionData?: ChannelsActionData;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const limit = messagingLimit(channel.messagingLimit);
  const status = KNOWN_STATUSES.find((known) => known === channel.status);
  const quality = KNOWN_QUALITIES.find((known) => known === channel.quality);
  return (
    <Card
      title={channel.name}
      icon="phone"
      action={
        <Badge tone={statusTone(channel.status)}>{status ? t(`channels.status.${status}`) : channel.status}</Badge>
      }
      className="channel-card"
    >
      <div className="stack" data-testid={`channel-${channel.phoneNumberId}`}>
        {channel.webhookSilent ? (
          <Alert tone="warning" title={t('channels.webhookSilent.title')}>
            <p>{t('channels.webhookSilent.body')}</p>
          </Alert>
        ) : null}
        {channel.status === 'PAUSED' && channel.statusReason === 'REINSTATED' ? (
          <Alert tone="info" title={t('channels.reinstated.title')}>
            <p>{t('channels.reinstated.body')}</p>
          </Alert>
        ) : channel.status === 'PAUSED' ? (
          <Alert tone="danger" title={t('channels.paused.title')}>
            <p>{t('channels.paused.body', { reason: channel.statusReason ?? '—' })}</p>
          </Alert>
        ) : null}
        <dl className="facts channel-facts">
          <Fact label={t('channels.facts.displayNumber')} mono>
            {channel.displayNumber ?? '—'}
          </Fact>
          <Fact label={t('channels.facts.quality')}>
            <Badge tone={qualityTone(channel.quality)}>
              {quality ? t(`channels.quality.${quality}`) : (channel.quality ?? t('channels.quality.UNKNOWN'))}
            </Badge>
          </Fact>
          <Fact label={t('channels.facts.throughput')}>
            {t('channels.facts.throughputValue', { count: channel.throughput, rate: formatCount(channel.throughput) })}
          </Fact>
          <Fact label={t('channels.facts.messagingLimit')} testId="channel-messaging-limit">
            {limit.kind === 'limited'
              ? t('channels.limit.limited', { recipients: limit.recipients })
              : t(`channels.limit.${limit.kind}`)}
            {channel.messagingLimitUsed !== null && channel.messagingLimitUsed !== undefined ? (
              <span className="channel-facts__hint" data-testid="channel-messaging-use">
                {channel.messagingLimitRemaining !== null && channel.messagingLimitRemaining !== undefined
                  ? t('channels.limit.usedToday', {
                      used: formatCount(channel.messagingLimitUsed),
                      remaining: formatCount(channel.messagingLimitRemaining),
                    })
                  : t('channels.limit.usedTodayUnlimited', { used: formatCount(channel.messagingLimitUsed) })}
              </span>
            ) : null}
            <span className="field__hint channel-facts__hint">
              {t('channels.limit.shared', { portfolio: channel.portfolioId ?? '—' })}
            </span>
          </Fact>
          <Fact label={t('channels.facts.phoneNumberId')} mono>
            {channel.phoneNumberId}
          </Fact>
          <Fact label={t('channels.facts.wabaId')} mono>
            {channel.wabaId}
          </Fact>
          <Fact label={t('channels.facts.lastWebhook')}>
            {channel.lastWebhookAt ? dateTime(channel.lastWebhookAt) : t('common.never')}
          </Fact>
        </dl>
        <Verified channel={channel} />
        {canManage ? <ChannelActions channel={channel} actionData={actionData} /> : null}
      </div>
    </Card>
  );
}

/** What the last check (or the connection, which checks too) verified at Meta. */
function Verified({ channel }: { channel: ChannelRow }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  if (!channel.checkedAt) return <p className="field__hint">{t('channels.verified.never')}</p>;
  const items: { ok: boolean; text: string }[] = [
    { ok: true, text: t('channels.verified.token') },
    { ok: true, text: t('channels.verified.number', { number: channel.displayNumber ?? channel.phoneNumberId }) },
    {
      ok: channel.subscribed,
      text: channel.subscribed ? t('channels.verified.subscribed') : t('channels.verified.notSubscribed'),
    },
    {
      ok: channel.portfolioId !== null,
      text: channel.portfolioId
        ? t('channels.verified.portfolio', { portfolio: channel.portfolioId })
        : t('channels.verified.noPortfolio'),
    },
  ];
  return (
    <section className="channel-verified" aria-label={t('channels.verified.title')} data-testid="channel-verified">
      <p className="channel-verified__title">
        {t('channels.verified.title')}{' '}
        <time dateTime={channel.checkedAt} className="field__hint">
          {dateTime(channel.checkedAt)}
        </time>
      </p>
      <ul className="channel-verified__list">
        {items.map((item) => (
          <li key={item.text} className={item.ok ? 'channel-verified__ok' : 'channel-verified__problem'}>
            <Icon name={item.ok ? 'check' : 'alert'} size={16} />
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChannelActions({ channel, actionData }: { channel: ChannelRow; actionData?: ChannelsActionData }) {
  const { t } = useTranslation();
  const client = useClientValidation(updateTokenSchema);
  const tokenErrors = client.fieldErrors ?? (actionData?.intent === 'updateToken' ? actionData.fieldErrors : undefined);
  const tokenOpen = Boolean(tokenErrors) || actionData?.intent === 'updateToken';
  const tokenForm = useResetAfterSuccess(actionData?.intent === 'updateToken');
  return (
    <>
      <FormError message={actionData?.fieldErrors ? undefined : actionData?.formError} />
      <div className="form__actions">
        <Form method="post" action="/channels">
          <input type="hidden" name="channelId" value={channel.id} />
          <Button intent="check" variant="secondary" pendingLabel={t('channels.check.pending')}>
            <Icon name="refresh" size={16} />
            {t('channels.check.submit')}
          </Button>
        </Form>
        <Link
          to={`/channels?disconnect=${encodeURIComponent(channel.id)}`}
          className={buttonClass({ variant: 'ghost-danger' })}
          preventScrollReset
        >
          {t('channels.disconnect.open')}
        </Link>
      </div>
      <details className="disclosure" open={tokenOpen || undefined}>
        <summary>{t('channels.token.open')}</summary>
        <Form
          method="post"
          action="/channels"
          className="form channel-token-form"
          noValidate
          onSubmit={client.onSubmit}
          ref={tokenForm}
        >
          <input type="hidden" name="channelId" value={channel.id} />
          <Field
            label={t('channels.form.accessToken')}
            hint={t('channels.token.hint')}
            name="accessToken"
            type="password"
            autoComplete="off"
            error={tokenErrors?.accessToken}
          />
          <div className="form__actions">
            <Button intent="updateToken" pendingLabel={t('channels.token.pending')}>
              {t('channels.token.submit')}
            </Button>
          </div>
        </Form>
      </details>
    </>
  );
}

function Fact({
  label,
  mono,
  testId,
  children,
}: {
  label: string;
  mono?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="facts__row" data-testid={testId}>
      <dt>{label}</dt>
      <dd className={mono ? 'facts__value--mono' : undefined}>{children}</dd>
    </div>
  );
}
