import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CampaignProgress } from '../components/campaigns/campaign-progress';
import { CampaignsPageQuery } from '../components/campaigns/documents';
import {
  CAMPAIGN_STATUSES,
  campaignPercent,
  campaignTone,
  deliveredOrRead,
  isStatus,
} from '../components/campaigns/campaign-facts';
import { InlineErrorBoundary } from '../components/error-page';
import { Badge } from '../components/ui/badge';
import { Button, buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { SelectField } from '../components/ui/field';
import { Icon } from '../components/ui/icon';
import { Pagination } from '../components/ui/pagination';
import { Table, type Column } from '../components/ui/table';
import type { CampaignsPageQuery as CampaignsPageData } from '../graphql/graphql';
import { can, requirePermission } from '../utils/auth.server';
import { formatRupiah } from '../utils/format';
import { gql } from '../utils/graphql.server';
import type { RouteHandle } from '../utils/route-handle';
import { readCursor } from '../utils/table-params';
import { useDateTime } from '../utils/use-date-time';

export const handle: RouteHandle = { titleKey: 'campaigns.title' };

type CampaignRow = CampaignsPageData['campaigns']['items'][number];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'CAMPAIGNS_READ');
  const params = new URL(request.url).searchParams;
  const asked = params.get('status');
  const status = isStatus(CAMPAIGN_STATUSES, asked) ? asked : null;
  const { campaigns } = await gql(request, CampaignsPageQuery, {
    filter: status ? { statuses: [status] } : null,
    after: readCursor(params),
  });
  return {
    status,
    rows: campaigns.items,
    nextCursor: campaigns.pageInfo.hasNextPage ? (campaigns.pageInfo.endCursor ?? null) : null,
    canWrite: can(user, 'CAMPAIGNS_WRITE'),
  };
}

/** Every campaign of the workspace, newest first: how far each got and what it cost. */
export default function CampaignsPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<CampaignRow>[] = [
    {
      id: 'name',
      header: t('campaigns.list.name'),
      cell: (row) => (
        <>
          <Link to={`/campaigns/${row.id}`} className="table__primary">
            {row.name}
          </Link>
          {row.templateName ? <span className="table__secondary">{row.templateName}</span> : null}
        </>
      ),
    },
    {
      id: 'status',
      header: t('campaigns.list.status'),
      cell: (row) => (
        <Badge tone={campaignTone(row.status)}>
          {isStatus(CAMPAIGN_STATUSES, row.status) ? t(`campaigns.status.${row.status}`) : row.status}
        </Badge>
      ),
      className: 'table__nowrap',
    },
    {
      id: 'progress',
      header: t('campaigns.list.progress'),
      cell: (row) => {
        const percent = campaignPercent(row.status, row.counts);
        return (
          <div className="campaign-mini-progress">
            <CampaignProgress small percent={percent} label={t('campaigns.list.progressOf', { name: row.name })} />
            <span className="table__secondary">
              {t('campaigns.list.delivered', { delivered: deliveredOrRead(row.counts), total: row.counts.total })}
            </span>
          </div>
        );
      },
    },
    {
      id: 'cost',
      header: t('campaigns.list.cost'),
      cell: (row) => formatRupiah(row.cost),
      className: 'table__nowrap',
    },
    {
      id: 'when',
      header: t('campaigns.list.when'),
      cell: (row) =>
        row.status === 'SCHEDULED' && row.scheduledAt
          ? t('campaigns.list.scheduledFor', { at: dateTime(row.scheduledAt) })
          : dateTime(row.createdAt),
      className: 'table__nowrap',
    },
  ];
  return (
    <>
      <div className="page-heading">
        <div>
          <h1 className="page__title">{t('campaigns.title')}</h1>
          <p className="page__lead">{t('campaigns.intro')}</p>
        </div>
        {data.canWrite ? (
          <Link to="/campaigns/new" className={buttonClass({ variant: 'primary' })}>
            <Icon name="plus" size={16} />
            {t('campaigns.new')}
          </Link>
        ) : null}
      </div>
      <div className="stack">
        <Card title={t('campaigns.list.title')} icon="campaigns">
          <Form method="get" className="campaign-filter">
            <SelectField label={t('campaigns.list.filterStatus')} name="status" defaultValue={data.status ?? ''}>
              <option value="">{t('campaigns.list.allStatuses')}</option>
              {CAMPAIGN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`campaigns.status.${status}`)}
                </option>
              ))}
            </SelectField>
            <Button variant="secondary">{t('campaigns.list.filter')}</Button>
          </Form>
          <Table
            caption={t('campaigns.list.title')}
            columns={columns}
            rows={data.rows}
            rowKey={(row) => row.id}
            testId="campaigns"
            empty={data.status ? t('campaigns.list.emptyFiltered') : t('campaigns.list.empty')}
          />
          <Pagination nextCursor={data.nextCursor} label={t('campaigns.list.title')} />
        </Card>
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
