import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
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
import { errorResponse, gql, gqlForm } from '../../utils/graphql.server';
import type { Message } from '../../utils/message';
import type { RouteHandle } from '../../utils/route-handle';
import { readCursor } from '../../utils/table-params';
import { redirectWithToast } from '../../utils/toast.server';
import { useDateTime } from '../../utils/use-date-time';
import { SyncTemplatesMutation, TemplateChannelsQuery, TemplatesPageQuery } from './documents';

export const handle: RouteHandle = { titleKey: 'templates.title' };

const TEMPLATES = '/templates';
const PAGE_SIZE = 20;
// The API has no cursor for templates yet: the dashboard asks for as many as one request may cost (11 fields a
// row against GRAPHQL_MAX_COMPLEXITY's 1,000) and pages through those.
const API_MAX = 80;
const WHATSAPP_MANAGER_URL = 'https://business.facebook.com/wa/manage/message-templates/';

const syncSchema = z.object({ channelId: z.string().check(z.minLength(1)) });

interface TemplatesActionData {
  ok: false;
  formError?: Message;
}

/** The page's offset from `?after=` (a page number of ours, not an API cursor); anything else is the first page. */
function readOffset(params: URLSearchParams): number {
  const raw = readCursor(params);
  return raw && /^\d{1,3}$/.test(raw) && Number(raw) < API_MAX ? Number(raw) : 0;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'TEMPLATES_READ');
  const params = new URL(request.url).searchParams;
  // Without CHANNELS_READ the reader sees every template of the workspace, with no channel to pick or sync.
  const channels = can(user, 'CHANNELS_READ') ? (await gql(request, TemplateChannelsQuery)).channels : [];
  const asked = params.get('channel');
  const channel = channels.find((candidate) => candidate.id === asked) ?? channels[0] ?? null;
  const { templates } = await gql(request, TemplatesPageQuery, { channelId: channel?.id ?? null, first: API_MAX });
  const offset = readOffset(params);
  const page = templates.slice(offset, offset + PAGE_SIZE);
  const next = offset + PAGE_SIZE < templates.length ? String(offset + PAGE_SIZE) : null;
  const syncedAt = templates.reduce<string | null>(
    (latest, template) => (!latest || template.syncedAt > latest ? template.syncedAt : latest),
    null,
  );
  return {
    channels,
    channel,
    templates: page,
    total: templates.length,
    truncated: templates.length >= API_MAX,
    nextCursor: next,
    syncedAt,
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
        {data.truncated ? <p className="field__hint">{t('templates.truncated', { count: API_MAX })}</p> : null}
        <Pagination nextCursor={data.nextCursor} label={t('templates.listLabel')} />
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
