import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  CAMPAIGN_STATUSES,
  MESSAGE_STATUSES,
  RETARGET_STATUSES,
  campaignPercent,
  campaignTone,
  editable,
  isStatus,
  messageTone,
} from '../components/campaigns/campaign-facts';
import {
  CampaignMessagesQuery,
  CampaignQuery,
  CampaignRepliesQuery,
  CampaignTimelineQuery,
  CancelCampaignMutation,
  PauseCampaignMutation,
  ResumeCampaignMutation,
  RetargetCampaignMutation,
} from '../components/campaigns/documents';
import { CampaignProgress } from '../components/campaigns/campaign-progress';
import { TimelineChart } from '../components/campaigns/timeline-chart';
import { useJobPolling } from '../components/contacts/bulk-job';
import { InlineErrorBoundary } from '../components/error-page';
import { ReplyContent } from '../components/contacts/reply-content';
import { Alert, FormError } from '../components/ui/alert';
import { Badge } from '../components/ui/badge';
import { Button, buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { ConfirmAction } from '../components/ui/confirm-action';
import { Field, SelectField } from '../components/ui/field';
import { Pagination } from '../components/ui/pagination';
import { Table, type Column } from '../components/ui/table';
import type { CampaignRecipientsQuery } from '../graphql/graphql';
import { isTranslationKey } from '../i18n';
import { refused } from '../utils/action.server';
import { can, requirePermission } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { formatRupiah, timeZoneAbbreviation, type TimeZone } from '../utils/format';
import { errorResponse, gql, gqlForm } from '../utils/graphql.server';
import type { Message } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { readCursor } from '../utils/table-params';
import { redirectWithToast } from '../utils/toast.server';
import { useDateTime } from '../utils/use-date-time';

export const handle: RouteHandle = { titleKey: 'campaigns.detail.title' };

type Recipient = CampaignRecipientsQuery['campaignMessages']['items'][number];

interface DetailActionData {
  formError?: Message;
}

function readRecipientFilter(params: URLSearchParams) {
  const status = params.get('status');
  const error = params.get('error');
  return {
    status: isStatus(MESSAGE_STATUSES, status) ? status : null,
    errorCode: error && /^\d{1,9}$/.test(error) ? Number(error) : null,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'CAMPAIGNS_READ');
  const id = params.campaignId ?? '';
  const search = new URL(request.url).searchParams;
  const filter = readRecipientFilter(search);
  const [{ campaign }, { campaignTimeline }, replies, { campaignMessages }] = await Promise.all([
    gql(request, CampaignQuery, { id }),
    gql(request, CampaignTimelineQuery, { campaignId: id }),
    can(user, 'CONTACTS_READ') ? gql(request, CampaignRepliesQuery, { campaignId: id }) : null,
    gql(request, CampaignMessagesQuery, { campaignId: id, ...filter, after: readCursor(search) }),
  ]);
  return {
    campaign,
    timeline: campaignTimeline,
    replies: replies?.campaignReplies ?? null,
    recipients: campaignMessages.items,
    nextCursor: campaignMessages.pageInfo.hasNextPage ? (campaignMessages.pageInfo.endCursor ?? null) : null,
    filter,
    confirmCancel: search.get('confirm') === 'cancel',
    canSend: can(user, 'CAMPAIGNS_SEND'),
    canWrite: can(user, 'CAMPAIGNS_WRITE'),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const id = params.campaignId ?? '';
  const form = await request.formData();
  const intent = form.get('intent');
  const here = `/campaigns/${id}`;
  if (intent === 'retarget') {
    await requirePermission(request, 'CAMPAIGNS_WRITE');
    const statuses = form.getAll('statuses').filter((value) => isStatus(RETARGET_STATUSES, String(value)));
    if (statuses.length === 0) return refused<DetailActionData>({ formError: { key: 'campaigns.retarget.none' } });
    const result = await gqlForm(request, RetargetCampaignMutation, {
      id,
      input: { statuses: statuses as (typeof RETARGET_STATUSES)[number][] },
    });
    if (result.failure) return refused<DetailActionData>(result.failure, result.status);
    return redirectWithToast(`/campaigns/${result.data.retargetCampaign.id}/edit`, {
      type: 'success',
      key: 'campaigns.retarget.created',
    });
  }
  await requirePermission(request, 'CAMPAIGNS_SEND');
  const result =
    intent === 'pause'
      ? await gqlForm(request, PauseCampaignMutation, { id })
      : intent === 'resume'
        ? await gqlForm(request, ResumeCampaignMutation, { id })
        : intent === 'cancel'
          ? await gqlForm(request, CancelCampaignMutation, { id })
          : null;
  if (!result) throw errorResponse({ messageKey: 'errors.generic' }, 400);
  if (result.failure) return refused<DetailActionData>(result.failure, result.status);
  const done = intent === 'pause' ? 'pause' : intent === 'resume' ? 'resume' : 'cancel';
  return redirectWithToast(here, { type: 'success', key: `campaigns.actions.done.${done}` });
}

/** One campaign: live progress, counts, its activity over time, replies, recipients, and what can be done now. */
export default function CampaignDetailPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const [search] = useSearchParams();
  const { campaign } = data;
  const { counts } = campaign;
  useJobPolling(campaign.status === 'RUNNING');
  const percent = campaignPercent(campaign.status, counts);
  const status = isStatus(CAMPAIGN_STATUSES, campaign.status)
    ? t(`campaigns.status.${campaign.status}`)
    : campaign.status;
  const failKey = `campaigns.pauseReason.${campaign.failReason ?? ''}`;
  const here = `/campaigns/${campaign.id}`;
  const finished = campaign.status === 'COMPLETED' || campaign.status === 'CANCELLED' || campaign.status === 'FAILED';
  const columns: Column<Recipient>[] = [
    {
      id: 'phone',
      header: t('campaigns.recipients.phone'),
      cell: (row) => row.phone ?? t('campaigns.recipients.erased'),
      className: 'table__mono',
    },
    {
      id: 'status',
      header: t('campaigns.recipients.status'),
      cell: (row) => (
        <Badge tone={messageTone(row.status)}>
          {isStatus(MESSAGE_STATUSES, row.status) ? t(`campaigns.messageStatus.${row.status}`) : row.status}
        </Badge>
      ),
    },
    { id: 'error', header: t('campaigns.recipients.error'), cell: (row) => row.errorCode ?? '—' },
    {
      id: 'charged',
      header: t('campaigns.recipients.charged'),
      cell: (row) => formatRupiah(row.charged),
      className: 'table__nowrap',
    },
  ];
  return (
    <>
      <p className="page__eyebrow">
        <Link to="/campaigns">{t('campaigns.detail.back')}</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1 className="page__title">{campaign.name}</h1>
          <p className="page__lead campaign-heading__facts">
            <Badge tone={campaignTone(campaign.status)}>
              <span data-testid="campaign-status">{status}</span>
            </Badge>{' '}
            {campaign.templateName ? <span>{campaign.templateName}</span> : null}
          </p>
        </div>
        <div className="campaign-actions">
          {editable(campaign.status) && data.canWrite ? (
            <Link to={`${here}/edit`} className={buttonClass({ variant: 'primary' })}>
              {t('campaigns.actions.edit')}
            </Link>
          ) : null}
          {data.canSend && campaign.status === 'RUNNING' ? (
            <Form method="post">
              <Button intent="pause" variant="secondary" pendingLabel={t('campaigns.actions.pausing')}>
                {t('campaigns.actions.pause')}
              </Button>
            </Form>
          ) : null}
          {data.canSend && campaign.status === 'PAUSED' ? (
            <Form method="post">
              <Button intent="resume" pendingLabel={t('campaigns.actions.resuming')}>
                {t('campaigns.actions.resume')}
              </Button>
            </Form>
          ) : null}
          {data.canSend && !finished && campaign.status !== 'DRAFT' ? (
            <Link to={`${here}?confirm=cancel`} className={buttonClass({ variant: 'ghost-danger' })}>
              {t('campaigns.actions.cancel')}
            </Link>
          ) : null}
        </div>
      </div>
      <div className="stack">
        <FormError message={actionData?.formError} />
        {campaign.status === 'PAUSED' && campaign.pauseReasonText ? (
          <Alert tone="warning" title={t('campaigns.detail.pausedTitle')}>
            <p data-testid="campaign-pause-reason">{campaign.pauseReasonText}</p>
          </Alert>
        ) : null}
        {campaign.status === 'FAILED' ? (
          <Alert tone="danger" title={t('campaigns.detail.failedTitle')}>
            <p>{isTranslationKey(failKey) ? t(failKey) : (campaign.failReason ?? t('campaigns.detail.noReason'))}</p>
          </Alert>
        ) : null}
        {campaign.status === 'SCHEDULED' && campaign.scheduledAt ? (
          <Alert tone="info">
            <p>{t('campaigns.detail.scheduledFor', { at: dateTime(campaign.scheduledAt) })}</p>
          </Alert>
        ) : null}
        {campaign.status === 'DRAFT' ? (
          <Alert tone="info" title={t('campaigns.detail.draftTitle')}>
            <p>
              {t('campaigns.detail.draftBody')}{' '}
              {data.canWrite ? <Link to={`${here}/edit`}>{t('campaigns.detail.draftOpen')}</Link> : null}
            </p>
          </Alert>
        ) : null}
        <Card title={t('campaigns.detail.progress')} icon="activity">
          <p className="field__label" id="campaign-progress-label">
            {t('campaigns.detail.percent', { percent })}
          </p>
          <CampaignProgress percent={percent} labelledBy="campaign-progress-label" testId="campaign-progress" />
          <dl className="campaign-figures campaign-figures--counts" data-testid="campaign-counts">
            {(['total', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped', 'unknown'] as const).map((key) => (
              <div key={key} className="campaign-figure" data-testid={`count-${key}`}>
                <dt className="campaign-figure__label">{t(`campaigns.counts.${key}`)}</dt>
                <dd className="campaign-figure__value">
                  {key === 'queued' ? counts.queued + counts.sending : counts[key]}
                </dd>
              </div>
            ))}
            <div className="campaign-figure">
              <dt className="campaign-figure__label">{t('campaigns.detail.cost')}</dt>
              <dd className="campaign-figure__value">{formatRupiah(campaign.cost)}</dd>
            </div>
          </dl>
          <p className="field__hint">
            {campaign.startedAt ? t('campaigns.detail.startedAt', { at: dateTime(campaign.startedAt) }) : null}{' '}
            {campaign.completedAt ? t('campaigns.detail.completedAt', { at: dateTime(campaign.completedAt) }) : null}{' '}
            {campaign.windowStart && campaign.windowEnd
              ? t('campaigns.detail.window', {
                  start: campaign.windowStart,
                  end: campaign.windowEnd,
                  zone: timeZoneAbbreviation(campaign.timeZone as TimeZone),
                })
              : null}
          </p>
        </Card>
        <Card title={t('campaigns.chart.title')} icon="activity">
          <TimelineChart points={data.timeline.points} bucketSeconds={data.timeline.bucketSeconds} />
        </Card>
        {data.canWrite && finished ? (
          <Card title={t('campaigns.retarget.title')} icon="refresh">
            <Form method="post" className="campaign-form">
              <p className="field__hint">{t('campaigns.retarget.intro')}</p>
              <fieldset className="campaign-choices">
                <legend className="field__label">{t('campaigns.retarget.who')}</legend>
                {RETARGET_STATUSES.map((option) => (
                  <label key={option} className="checkbox campaign-choice">
                    <input type="checkbox" name="statuses" value={option} defaultChecked={option === 'FAILED'} />
                    <span>{t(`campaigns.retarget.status.${option}`)}</span>
                  </label>
                ))}
              </fieldset>
              <div className="campaign-form__actions">
                <Button intent="retarget" variant="secondary" pendingLabel={t('campaigns.retarget.creating')}>
                  {t('campaigns.retarget.submit')}
                </Button>
              </div>
            </Form>
          </Card>
        ) : null}
        {data.replies ? (
          <Card title={t('campaigns.replies.title', { count: data.replies.totalCount })} icon="list">
            {data.replies.items.length === 0 ? (
              <p className="field__hint">{t('campaigns.replies.empty')}</p>
            ) : (
              <ul className="campaign-replies" data-testid="campaign-replies">
                {data.replies.items.map((reply) => (
                  <li key={reply.id} className="campaign-reply">
                    <p className="campaign-reply__who">
                      <Link to={`/contacts/${reply.contactId}`}>{reply.name ?? reply.phone}</Link>{' '}
                      <span className="field__hint">{dateTime(reply.receivedAt)}</span>
                    </p>
                    <p className="campaign-reply__text">
                      <ReplyContent reply={reply} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
        <Card title={t('campaigns.recipients.title')} icon="contacts">
          <Form method="get" className="campaign-filter">
            <SelectField label={t('campaigns.recipients.status')} name="status" defaultValue={data.filter.status ?? ''}>
              <option value="">{t('campaigns.recipients.anyStatus')}</option>
              {MESSAGE_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {t(`campaigns.messageStatus.${option}`)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('campaigns.recipients.errorCode')}
              name="error"
              inputMode="numeric"
              defaultValue={search.get('error') ?? ''}
              // An example in the box, not a hint below it: the filter's fields and button stay on one line.
              placeholder={t('campaigns.recipients.errorHint')}
            />
            <Button variant="secondary">{t('campaigns.list.filter')}</Button>
          </Form>
          <Table
            caption={t('campaigns.recipients.title')}
            columns={columns}
            rows={data.recipients}
            rowKey={(row) => row.id}
            testId="campaign-recipients"
            empty={
              campaign.status === 'DRAFT' || campaign.status === 'SCHEDULED'
                ? t('campaigns.recipients.notStarted')
                : t('campaigns.recipients.empty')
            }
          />
          <Pagination nextCursor={data.nextCursor} label={t('campaigns.recipients.title')} />
        </Card>
      </div>
      {data.confirmCancel ? (
        <ConfirmAction
          title={t('campaigns.actions.cancelTitle')}
          body={t('campaigns.actions.cancelBody', { name: campaign.name })}
          confirmLabel={t('campaigns.actions.cancelConfirm')}
          action={here}
          intent="cancel"
          fields={{}}
        />
      ) : null}
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
