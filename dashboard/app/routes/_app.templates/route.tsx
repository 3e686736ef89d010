import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { InlineErrorBoundary } from '../../components/error-page';
import { TemplateCard } from '../../components/templates/template-card';
import { Alert, FormError } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { SelectField } from '../../components/ui/field';
import { Icon } from '../../components/ui/icon';
import { Pagination } from '../../components/ui/pagination';
import { refused } from '../../utils/action.server';
import { can, requirePermission } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm } from '../../utils/forms';
import { errorResponse, gql, gqlForm, gqlResult } from '../../utils/graphql.server';
import type { Message } from '../../utils/message';
import type { RouteHandle } from '../../utils/route-handle';
import { cursorSearch, readCursor } from '../../utils/table-params';
import { redirectWithToast } from '../../utils/toast.server';
import { useDateTime } from '../../utils/use-date-time';
import { SyncTemplatesMutation, TemplateChannelsQuery, TemplatesPageQuery } from './documents';

export const handle: RouteHandle = { titleKey: 'templates.title' };

const TEMPLATES = '/templates';
const PAGE_SIZE = 20;
const WHATSAPP_MANAGER_URL = 'https://business.facebook.com/wa/manage/message-templates/';

const syncSchema = z.object({ channelId: z.string().check(z.minLength(1)) });

interface TemplatesActionData {
  ok: false;
  formError?: Message;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'TEMPLATES_READ');
  const params = new URL(request.url).searchParams;
  // Without CHANNELS_READ the reader sees every template of the workspace, with no channel to pick or sync.
  const channels = can(user, 'CHANNELS_READ') ? (await gql(request, TemplateChannelsQuery)).channels : [];
  const asked = params.get('channel');
  const channel = channels.find((candidate) => candidate.id === asked) ?? channels[0] ?? null;
  const variables = { channelId: channel?.id ?? null, first: PAGE_SIZE, after: readCursor(params) };
  const result = await gqlResult(request, TemplatesPageQuery, variables);
  // A cursor of a template a sync removed (or of another channel): the first page instead of an error page.
  if (result.error?.code === 'BAD_USER_INPUT' && variables.after)
    throw redirect(`${TEMPLATES}${cursorSearch(params, null)}`);
  // Any other failure becomes the page it deserves (login, 403, 502) through `gql`.
  const { templates } = result.error ? await gql(request, TemplatesPageQuery, variables) : result.data;
  return {
    channels,
    channel,
    templates: templates.edges.map((edge) => edge.node),
    total: templates.totalCount,
    nextCursor: templates.pageInfo.hasNextPage ? templates.pageInfo.endCursor : null,
    syncedAt: templates.lastSyncedAt,
    canSync: can(user, 'TEMPLATES_WRITE') && channel !== null,
    canConnect: can(user, 'CHANNELS_MANAGE'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'TEMPLATES_WRITE');
  const form = await request.formData();
  if (form.get('intent') !== 'sync') throw errorResponse({ messageKey: 'errors.generic' }, 400);
  const parsed = parseForm(syncSchema, form);
  if (!parsed.ok) return refused<TemplatesActionData>({ ok: false, formError: { key: 'validation.invalid' } });
  const { channelId } = parsed.data;
  const result = await gqlForm(request, SyncTemplatesMutation, { channelId });
  if (result.failure) return refused<TemplatesActionData>({ ok: false, ...result.failure }, result.status);
  return redirectWithToast(`${TEMPLATES}?channel=${encodeURIComponent(channelId)}`, {
    type: 'success',
    key: 'templates.synced',
    params: { count: result.data.syncTemplates },
  });
}

/** The local copy of a channel's templates at Meta: status, category, language, quality and a preview of each. */
export default function TemplatesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const { channels, channel, templates } = data;
  return (
    <>
      <h1 className="page__title">{t('templates.title')}</h1>
      <p className="page__lead">{t('templates.intro')}</p>
      <div className="stack">
        <Alert tone="info">
          <p>
            {t('templates.createdAtMeta')}{' '}
            <a href={WHATSAPP_MANAGER_URL} target="_blank" rel="noreferrer">
              {t('templates.openManager')}
            </a>
          </p>
        </Alert>
        <FormError message={actionData?.formError} />
        {channels.length > 0 ? (
          <Card title={t('templates.channel')} icon="phone">
            <div className="templates-toolbar">
              {channels.length > 1 ? (
                <Form method="get" className="templates-toolbar__pick">
                  <SelectField label={t('templates.channel')} name="channel" defaultValue={channel?.id}>
                    {channels.map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.name} ({option.displayNumber ?? option.phoneNumberId})
                      </option>
                    ))}
                  </SelectField>
                  <Button variant="secondary">{t('templates.show')}</Button>
                </Form>
              ) : (
                <p className="templates-toolbar__one">
                  <strong>{channel?.name}</strong>{' '}
                  <span className="field__hint">{channel?.displayNumber ?? channel?.phoneNumberId}</span>
                </p>
              )}
              {data.canSync && channel ? (
                <Form method="post" className="templates-toolbar__sync">
                  <input type="hidden" name="channelId" value={channel.id} />
                  <Button intent="sync" variant="primary" pendingLabel={t('templates.syncing')}>
                    <Icon name="refresh" size={16} />
                    {t('templates.sync')}
                  </Button>
                </Form>
              ) : null}
            </div>
            <p className="field__hint" data-testid="templates-synced-at">
              {data.syncedAt
                ? t('templates.syncedAt', { at: dateTime(data.syncedAt), count: data.total })
                : t('templates.neverSynced')}
            </p>
          </Card>
        ) : (
          <Alert tone="info">
            <p>
              {t('templates.noChannel')}{' '}
              {data.canConnect ? <Link to="/channels">{t('templates.connectChannel')}</Link> : null}
            </p>
          </Alert>
        )}
        {templates.length === 0 ? (
          <div className="empty-state" data-testid="templates-empty">
            <Icon name="templates" size={28} className="empty-state__icon" />
            <p className="empty-state__text">{t('templates.empty')}</p>
          </div>
        ) : (
          <section className="template-list" aria-label={t('templates.listLabel')} data-testid="templates">
            {templates.map((template) => (
              <TemplateCard key={template.id} template={template} />
            ))}
          </section>
        )}
        <Pagination nextCursor={data.nextCursor} label={t('templates.listLabel')} />
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
