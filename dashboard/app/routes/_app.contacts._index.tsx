import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ContactsToolbar } from '../components/contacts/contacts-toolbar';
import { BulkActions, SaveSegmentForm } from '../components/contacts/bulk-actions';
import { formatContactCount, hasFilter, readFilterParams, toContactFilter } from '../components/contacts/filter-params';
import { browserDownloadUrl } from '../components/contacts/download-url';
import {
  bulkActionSchema,
  CONFIRMED_INTENTS,
  isConfirming,
  saveSegmentSchema,
  type ConfirmingIntent,
} from '../components/contacts/schemas';
import { InlineErrorBoundary } from '../components/error-page';
import { Alert, FormError } from '../components/ui/alert';
import { Button, buttonClass } from '../components/ui/button';
import { Badge } from '../components/ui/badge';
import { Card } from '../components/ui/card';
import { ConfirmAction } from '../components/ui/confirm-action';
import { Pagination } from '../components/ui/pagination';
import { Table, type Column } from '../components/ui/table';
import { graphql } from '../graphql';
import type { ContactsPageQuery } from '../graphql/graphql';
import { refused } from '../utils/action.server';
import { can, requirePermission } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { parseForm, type FieldErrors } from '../utils/forms';
import { errorResponse, gql, gqlForm, gqlResult } from '../utils/graphql.server';
import { translateMessage, type Message } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { readCursor } from '../utils/table-params';
import { redirectWithToast } from '../utils/toast.server';
import { useDateTime } from '../utils/use-date-time';

// Few fields per row: the API charges every field of every row, and a page of 50 may select only about 18.
const ContactsPageQueryDocument = graphql(`
  query ContactsPage($filter: ContactFilter, $after: String) {
    contacts(filter: $filter, first: 50, after: $after) {
      totalCount
      totalCountIsEstimate
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          phone
          name
          tags
          optedOut
          marketingOptOut
          createdAt
        }
      }
    }
  }
`);

// Its own request: with the contacts in one query it would cost more than the API allows per query.
const ContactSegmentsQueryDocument = graphql(`
  query ContactSegments {
    segments {
      id
      name
    }
  }
`);

const TagContactsDocument = graphql(`
  mutation TagContacts($selection: ContactSelection!, $tag: String!) {
    tagContacts(selection: $selection, tag: $tag) {
      affected
      job {
        id
      }
    }
  }
`);

const UntagContactsDocument = graphql(`
  mutation UntagContacts($selection: ContactSelection!, $tag: String!) {
    untagContacts(selection: $selection, tag: $tag) {
      affected
      job {
        id
      }
    }
  }
`);

const OptOutContactsDocument = graphql(`
  mutation OptOutContacts($selection: ContactSelection!, $kind: SuppressionKind!) {
    optOutContacts(selection: $selection, kind: $kind) {
      affected
      job {
        id
      }
    }
  }
`);

const DeleteContactsDocument = graphql(`
  mutation DeleteContacts($selection: ContactSelection!) {
    deleteContacts(selection: $selection) {
      affected
      job {
        id
      }
    }
  }
`);

const ExportContactsDocument = graphql(`
  mutation ExportContacts($filter: ContactFilter) {
    exportContacts(filter: $filter) {
      url
    }
  }
`);

const SaveSegmentDocument = graphql(`
  mutation SaveContactSegment($input: SaveSegmentInput!) {
    saveSegment(input: $input) {
      id
      name
    }
  }
`);

export type ContactRow = ContactsPageQuery['contacts']['edges'][number]['node'];

export interface ContactsActionData {
  intent: 'bulk' | 'saveSegment' | 'export';
  formError?: Message;
  fieldErrors?: FieldErrors;
  /** Opting out and erasing ask first: what the confirmation dialog will send again. */
  confirm?: { intent: ConfirmingIntent; scope: 'selection' | 'filter'; ids: string[] };
}

export const handle: RouteHandle = { titleKey: 'contacts.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'CONTACTS_READ');
  const params = new URL(request.url).searchParams;
  const filterParams = readFilterParams(params);
  const [contactsResult, { segments }] = await Promise.all([
    // A search the API refuses (too short, say) is the reader's to fix: shown on the page, not as an error page.
    gqlResult(request, ContactsPageQueryDocument, {
      filter: toContactFilter(filterParams),
      after: readCursor(params),
    }),
    gql(request, ContactSegmentsQueryDocument),
  ]);
  if (contactsResult.error && contactsResult.error.code !== 'BAD_USER_INPUT') {
    // The same call again through `gql` turns any other failure into the page it deserves (login, 403, 502).
    await gql(request, ContactsPageQueryDocument, { filter: toContactFilter(filterParams), after: null });
  }
  const contacts = contactsResult.data?.contacts;
  return {
    filter: filterParams,
    filtered: hasFilter(filterParams),
    rows: contacts?.edges.map((edge) => edge.node) ?? [],
    totalCount: contacts?.totalCount ?? 0,
    totalCountIsEstimate: contacts?.totalCountIsEstimate ?? false,
    nextCursor: contacts?.pageInfo.hasNextPage ? (contacts.pageInfo.endCursor ?? null) : null,
    searchError: contactsResult.error?.message ?? null,
    segments,
    canWrite: can(user, 'CONTACTS_WRITE'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'CONTACTS_WRITE');
  const url = new URL(request.url);
  // The filter is the page's own (the form posts to the URL the reader is looking at).
  const filter = toContactFilter(readFilterParams(url.searchParams));
  const backTo = `${url.pathname}${url.search}`;
  const form = await request.formData();
  if (form.get('intent') === 'export') {
    const result = await gqlForm(request, ExportContactsDocument, { filter });
    if (result.failure) return refused<ContactsActionData>({ intent: 'export', ...result.failure }, result.status);
    // The download itself comes from the API (streamed), through the proxy that carries the session cookie.
    return redirect(browserDownloadUrl(result.data.exportContacts.url));
  }
  if (form.get('intent') === 'saveSegment') {
    const parsed = parseForm(saveSegmentSchema, form);
    if (!parsed.ok) return refused<ContactsActionData>({ intent: 'saveSegment', fieldErrors: parsed.fieldErrors });
    const result = await gqlForm(request, SaveSegmentDocument, { input: { name: parsed.data.name, filter } });
    if (result.failure) return refused<ContactsActionData>({ intent: 'saveSegment', ...result.failure }, result.status);
    const params = new URLSearchParams({ segment: result.data.saveSegment.id });
    return redirectWithToast(`${url.pathname}?${params}`, {
      type: 'success',
      key: 'contacts.segments.saved',
      params: { name: result.data.saveSegment.name },
    });
  }
  const parsed = parseForm(bulkActionSchema, form, ['ids']);
  if (!parsed.ok) {
    if (typeof form.get('intent') !== 'string') throw errorResponse({ messageKey: 'errors.generic' }, 400);
    return refused<ContactsActionData>({ intent: 'bulk', fieldErrors: parsed.fieldErrors });
  }
  const { intent, scope, ids, tag } = parsed.data;
  const selection = scope === 'filter' ? { filter } : { ids };
  if (scope !== 'filter' && ids.length === 0) {
    return refused<ContactsActionData>({ intent: 'bulk', formError: { key: 'contacts.bulk.nothingSelected' } });
  }
  if (isConfirming(intent)) {
    return { intent: 'bulk', confirm: { intent, scope: scope ?? 'selection', ids } } satisfies ContactsActionData;
  }
  const needsTag = intent === 'tag' || intent === 'untag';
  if (needsTag && !tag) {
    return refused<ContactsActionData>({ intent: 'bulk', fieldErrors: { tag: { key: 'validation.required' } } });
  }
  const result =
    intent === 'tag'
      ? await gqlForm(request, TagContactsDocument, { selection, tag: tag ?? '' })
      : intent === 'untag'
        ? await gqlForm(request, UntagContactsDocument, { selection, tag: tag ?? '' })
        : intent === 'delete'
          ? await gqlForm(request, DeleteContactsDocument, { selection })
          : await gqlForm(request, OptOutContactsDocument, {
              selection,
              kind: intent === 'optOut' ? 'ALL' : 'MARKETING',
            });
  if (result.failure) return refused<ContactsActionData>({ intent: 'bulk', ...result.failure }, result.status);
  const answer =
    'tagContacts' in result.data
      ? result.data.tagContacts
      : 'untagContacts' in result.data
        ? result.data.untagContacts
        : 'deleteContacts' in result.data
          ? result.data.deleteContacts
          : result.data.optOutContacts;
  // A whole filter is a background job: its page follows the progress and says in a toast when it is done (no
  // toast on the way there, so the one the job page sets is the only one in flight).
  if (answer.job) return redirect(`/contacts/jobs/${answer.job.id}?${new URLSearchParams({ back: backTo })}`);
  return redirectWithToast(backTo, {
    type: 'success',
    key: `contacts.bulk.done.${intent}`,
    params: { count: answer.affected ?? 0 },
  });
}

export default function ContactsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<ContactRow>[] = [
    ...(data.canWrite
      ? [
          {
            id: 'select',
            header: t('contacts.table.select'),
            headerHidden: true,
            cell: (row: ContactRow) => (
              <input
                type="checkbox"
                name="ids"
                value={row.id}
                form="contacts-bulk"
                aria-label={t('contacts.table.selectOne', { name: row.name ?? row.phone })}
              />
            ),
          },
        ]
      : []),
    {
      id: 'name',
      header: t('contacts.table.name'),
      cell: (row) => (
        <Link to={`/contacts/${row.id}`} className="table__primary">
          {row.name || t('contacts.unnamed')}
        </Link>
      ),
    },
    {
      id: 'phone',
      header: t('contacts.table.phone'),
      className: 'table__mono table__nowrap',
      cell: (row) => row.phone,
    },
    {
      id: 'tags',
      header: t('contacts.table.tags'),
      cell: (row) => (
        <span className="tag-list">
          {row.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </span>
      ),
    },
    {
      id: 'status',
      header: t('contacts.table.status'),
      className: 'table__nowrap',
      cell: (row) =>
        row.optedOut ? (
          <Badge tone="danger">{t('contacts.status.optedOut')}</Badge>
        ) : row.marketingOptOut ? (
          <Badge tone="info">{t('contacts.status.marketingOptOut')}</Badge>
        ) : (
          <Badge tone="success">{t('contacts.status.reachable')}</Badge>
        ),
    },
    {
      id: 'created',
      header: t('contacts.table.created'),
      className: 'table__nowrap',
      cell: (row) => <time dateTime={row.createdAt}>{dateTime(row.createdAt)}</time>,
    },
  ];
  const count = formatContactCount(data.totalCount, data.totalCountIsEstimate);
  return (
    <>
      <h1 className="page__title">{t('contacts.title')}</h1>
      <p className="page__lead">{t('contacts.intro')}</p>
      <div className="stack">
        <div className="form__actions">
          {data.canWrite ? (
            <Link to="/contacts/new" className={buttonClass({ variant: 'primary' })}>
              {t('contacts.actions.add')}
            </Link>
          ) : null}
          {data.canWrite ? (
            <Link to="/contacts/import" className={buttonClass({ variant: 'secondary' })}>
              {t('contacts.actions.import')}
            </Link>
          ) : null}
          {data.canWrite ? (
            <Form method="post" reloadDocument>
              <Button intent="export" variant="secondary">
                {t('contacts.actions.export')}
              </Button>
            </Form>
          ) : null}
          <Link to="/contacts/keywords" className={buttonClass({ variant: 'secondary' })}>
            {t('contacts.actions.keywords')}
          </Link>
        </div>
        {actionData?.intent === 'export' ? <FormError message={actionData.formError} /> : null}
        <ContactsToolbar filter={data.filter} segments={data.segments} />
        {data.searchError ? <Alert tone="warning">{translateMessage(t, data.searchError)}</Alert> : null}
        {data.canWrite ? (
          <BulkActions actionData={actionData?.intent === 'bulk' ? actionData : undefined} filtered={data.filtered} />
        ) : null}
        <Card
          title={t('contacts.table.caption')}
          icon="list"
          className="card--flush"
          action={
            <span className="card__meta" data-testid="contacts-count">
              {t('contacts.count', { count: data.totalCount, formatted: count })}
            </span>
          }
        >
          <Table
            caption={t('contacts.table.caption')}
            columns={columns}
            rows={data.rows}
            rowKey={(row) => row.id}
            empty={data.filtered ? t('contacts.emptyFiltered') : t('contacts.empty')}
            testId="contacts"
          />
          <Pagination nextCursor={data.nextCursor} label={t('contacts.table.caption')} />
        </Card>
        {data.canWrite && data.filtered ? (
          <SaveSegmentForm actionData={actionData?.intent === 'saveSegment' ? actionData : undefined} />
        ) : null}
      </div>
      {data.canWrite && actionData?.confirm ? (
        <ConfirmBulk {...actionData.confirm} total={data.totalCount} estimate={data.totalCountIsEstimate} />
      ) : null}
    </>
  );
}

/** The page as the reader sees it: after a form's POST the location carries the index route's `?index`. */
function pageUrl(location: { pathname: string; search: string }): string {
  const params = new URLSearchParams(location.search);
  params.delete('index');
  const search = params.toString();
  return search ? `${location.pathname}?${search}` : location.pathname;
}

/**
 * Erasing cannot be undone, and an opt-out is undone only contact by contact (each on its own page), so those bulk
 * actions ask first; the dialog posts the same selection again with the intent it confirms.
 */
function ConfirmBulk({
  intent,
  scope,
  ids,
  total,
  estimate,
}: {
  intent: ConfirmingIntent;
  scope: 'selection' | 'filter';
  ids: string[];
  total: number;
  estimate: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const count = scope === 'filter' ? total : ids.length;
  return (
    <ConfirmAction
      title={t(`contacts.bulk.${intent}.title`)}
      body={t(`contacts.bulk.${intent}.body`, {
        formatted: formatContactCount(count, scope === 'filter' && estimate),
      })}
      confirmLabel={t(`contacts.bulk.${intent}.confirm`)}
      action={pageUrl(location)}
      intent={CONFIRMED_INTENTS[intent]}
      fields={scope === 'filter' ? { scope } : { scope, ids }}
    />
  );
}

export { InlineErrorBoundary as ErrorBoundary };
