import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RepliesCard } from '../components/contacts/replies-card';
import { ContactFields } from '../components/contacts/contact-fields';
import { contactFieldErrors, toContactInput } from '../components/contacts/contact-input';
import { optInSchema, reviewSchema, updateContactSchema } from '../components/contacts/schemas';
import { InlineErrorBoundary } from '../components/error-page';
import { FormError } from '../components/ui/alert';
import { Badge } from '../components/ui/badge';
import { Button, buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { ConfirmAction } from '../components/ui/confirm-action';
import { Table, type Column } from '../components/ui/table';
import { graphql } from '../graphql';
import type { ContactDetailQuery } from '../graphql/graphql';
import { refused } from '../utils/action.server';
import { can, requirePermission } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { parseForm, type FieldErrors } from '../utils/forms';
import { errorResponse, gql, gqlForm } from '../utils/graphql.server';
import type { Message } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { readCursor } from '../utils/table-params';
import { redirectWithToast } from '../utils/toast.server';
import { useDateTime } from '../utils/use-date-time';

const ContactDetailDocument = graphql(`
  query ContactDetail($id: ID!) {
    contact(id: $id) {
      id
      phone
      name
      tags
      attributes {
        key
        value
      }
      source
      consent {
        at
        source
        statement
      }
      optedOut
      optedOutAt
      optedOutSource
      marketingOptOut
      marketingOptOutAt
      marketingOptOutSource
      reviewPendingAt
      createdAt
      updatedAt
    }
    contactHistory(contactId: $id, first: 50) {
      id
      kind
      source
      keyword
      statement
      decision
      createdAt
    }
  }
`);

// Its own request: a page of replies beside the contact and its history would cost more than one query may.
const ContactRepliesDocument = graphql(`
  query ContactReplies($id: ID!, $first: Int!, $after: String) {
    contactReplies(contactId: $id, first: $first, after: $after) {
      edges {
        node {
          id
          receivedAt
          channelId
          ...ReplyMediaFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ReplyChannelsDocument = graphql(`
  query ReplyChannels {
    channels {
      id
      name
      displayNumber
    }
  }
`);

const REPLIES_PAGE_SIZE = 20;

const UpdateContactDocument = graphql(`
  mutation UpdateContactDetail($input: UpdateContactInput!) {
    updateContact(input: $input) {
      id
    }
  }
`);

const OptInContactDocument = graphql(`
  mutation OptInContactDetail($id: ID!, $kind: SuppressionKind!) {
    optInContact(id: $id, kind: $kind) {
      id
    }
  }
`);

const OptOutContactDocument = graphql(`
  mutation OptOutContactDetail($id: ID!, $kind: SuppressionKind!) {
    optOutContacts(selection: { ids: [$id] }, kind: $kind) {
      affected
    }
  }
`);

const ResolveContactReviewDocument = graphql(`
  mutation ResolveContactReviewDetail($id: ID!, $decision: ReviewDecision!) {
    resolveContactReview(id: $id, decision: $decision) {
      id
    }
  }
`);

const DeleteContactDocument = graphql(`
  mutation DeleteContactDetail($id: ID!) {
    deleteContacts(selection: { ids: [$id] }) {
      affected
    }
  }
`);

type HistoryEntry = ContactDetailQuery['contactHistory'][number];

interface ContactActionData {
  formError?: Message;
  fieldErrors?: FieldErrors;
}

export const handle: RouteHandle = { titleKey: 'contacts.detail.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'CONTACTS_READ');
  const id = params.contactId ?? '';
  const search = new URL(request.url).searchParams;
  const [{ contact, contactHistory }, { contactReplies }, replyChannels] = await Promise.all([
    gql(request, ContactDetailDocument, { id }),
    gql(request, ContactRepliesDocument, { id, first: REPLIES_PAGE_SIZE, after: readCursor(search) }),
    can(user, 'CHANNELS_READ') ? gql(request, ReplyChannelsDocument) : Promise.resolve({ channels: [] }),
  ]);
  const confirmDelete = search.has('delete');
  return {
    contact,
    history: contactHistory,
    canWrite: can(user, 'CONTACTS_WRITE'),
    confirmDelete,
    replies: contactReplies.edges.map((edge) => edge.node),
    repliesNext: contactReplies.pageInfo.hasNextPage ? (contactReplies.pageInfo.endCursor ?? null) : null,
    // The number a reply came in on, by channel id.
    channelNames: Object.fromEntries(
      replyChannels.channels.map((channel) => [channel.id, channel.displayNumber ?? channel.name]),
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'CONTACTS_WRITE');
  const id = params.contactId ?? '';
  const here = `/contacts/${id}`;
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'update': {
      const parsed = parseForm(updateContactSchema, form);
      if (!parsed.ok) return refused<ContactActionData>({ fieldErrors: parsed.fieldErrors });
      const result = await gqlForm(request, UpdateContactDocument, { input: { id, ...toContactInput(parsed.data) } });
      if (result.failure) {
        const { formError, fieldErrors } = result.failure;
        return refused<ContactActionData>({ formError, fieldErrors: contactFieldErrors(fieldErrors) }, result.status);
      }
      return redirectWithToast(here, { type: 'success', key: 'contacts.detail.saved' });
    }
    case 'optIn':
    case 'optOut': {
      const parsed = parseForm(optInSchema, form);
      if (!parsed.ok) return refused<ContactActionData>({ formError: { key: 'validation.invalid' } });
      const optIn = form.get('intent') === 'optIn';
      const result = optIn
        ? await gqlForm(request, OptInContactDocument, { id, kind: parsed.data.kind })
        : await gqlForm(request, OptOutContactDocument, { id, kind: parsed.data.kind });
      if (result.failure) return refused<ContactActionData>(result.failure, result.status);
      return redirectWithToast(here, {
        type: 'success',
        key: optIn ? 'contacts.detail.optedIn' : 'contacts.detail.optedOut',
      });
    }
    case 'review': {
      const parsed = parseForm(reviewSchema, form);
      if (!parsed.ok) return refused<ContactActionData>({ formError: { key: 'validation.invalid' } });
      const result = await gqlForm(request, ResolveContactReviewDocument, { id, decision: parsed.data.decision });
      if (result.failure) return refused<ContactActionData>(result.failure, result.status);
      return redirectWithToast(here, {
        type: 'success',
        key: parsed.data.decision === 'OPT_OUT' ? 'contacts.review.optedOut' : 'contacts.review.dismissed',
      });
    }
    case 'delete': {
      const result = await gqlForm(request, DeleteContactDocument, { id });
      if (result.failure) return refused<ContactActionData>(result.failure, result.status);
      return redirectWithToast('/contacts', { type: 'success', key: 'contacts.detail.deleted' });
    }
    default:
      throw errorResponse({ messageKey: 'errors.generic' }, 400);
  }
}

export default function ContactDetailPage() {
  const { contact, history, canWrite, confirmDelete, replies, repliesNext, channelNames } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const here = `/contacts/${contact.id}`;
  const historyColumns: Column<HistoryEntry>[] = [
    {
      id: 'time',
      header: t('contacts.history.time'),
      className: 'table__nowrap',
      cell: (entry) => <time dateTime={entry.createdAt}>{dateTime(entry.createdAt)}</time>,
    },
    { id: 'kind', header: t('contacts.history.kind'), cell: (entry) => historyKind(t, entry) },
    { id: 'source', header: t('contacts.history.source'), className: 'table__mono', cell: (entry) => entry.source },
    { id: 'statement', header: t('contacts.history.statement'), cell: (entry) => entry.statement ?? '' },
  ];
  return (
    <>
      <p>
        <Link to="/contacts" className="button-link">
          {t('contacts.detail.back')}
        </Link>
      </p>
      <h1 className="page__title">{contact.name || contact.phone}</h1>
      <div className="stack">
        <Card title={t('contacts.detail.facts')} icon="list">
          <dl className="facts">
            <Fact label={t('contacts.table.phone')} mono>
              {contact.phone}
            </Fact>
            <Fact label={t('contacts.table.tags')}>
              {contact.tags.length ? contact.tags.map((tag) => <Badge key={tag}>{tag}</Badge>) : '—'}
            </Fact>
            {contact.attributes.map((attribute) => (
              <Fact key={attribute.key} label={attribute.key}>
                {attribute.value}
              </Fact>
            ))}
            <Fact label={t('contacts.detail.source')}>{t(`contacts.sources.${contact.source}`)}</Fact>
            <Fact label={t('contacts.detail.consent')}>
              {contact.consent
                ? t('contacts.detail.consentGiven', {
                    at: dateTime(contact.consent.at),
                    statement: contact.consent.statement ?? '—',
                  })
                : t('contacts.detail.noConsent')}
            </Fact>
            <Fact label={t('contacts.suppression.OPTED_OUT')}>
              {contact.optedOut && contact.optedOutAt
                ? t('contacts.detail.since', { at: dateTime(contact.optedOutAt), source: contact.optedOutSource ?? '' })
                : t('contacts.detail.notSuppressed')}
            </Fact>
            <Fact label={t('contacts.suppression.MARKETING_OPT_OUT')}>
              {contact.marketingOptOut && contact.marketingOptOutAt
                ? t('contacts.detail.since', {
                    at: dateTime(contact.marketingOptOutAt),
                    source: contact.marketingOptOutSource ?? '',
                  })
                : t('contacts.detail.notSuppressed')}
            </Fact>
          </dl>
        </Card>
        {contact.reviewPendingAt ? (
          <Card title={t('contacts.review.title')} icon="alert">
            <p data-testid="contact-review">
              {t('contacts.review.pending', { at: dateTime(contact.reviewPendingAt) })}
            </p>
            {canWrite ? (
              <div className="form__actions">
                <ReviewButton decision="DISMISS" label={t('contacts.review.dismiss')} />
                <ReviewButton decision="OPT_OUT" label={t('contacts.review.optOut')} />
              </div>
            ) : null}
          </Card>
        ) : null}
        {canWrite ? (
          <Card title={t('contacts.detail.edit')} icon="list">
            <Form method="post" className="form form--inline" noValidate data-testid="contact-edit">
              <FormError message={actionData?.formError} />
              <ContactFields values={contact} fieldErrors={actionData?.fieldErrors} />
              <div className="form__actions">
                <Button intent="update">{t('contacts.detail.save')}</Button>
              </div>
            </Form>
          </Card>
        ) : null}
        {canWrite ? (
          <Card title={t('contacts.detail.suppression')} icon="alert">
            <div className="form__actions">
              <SuppressionButton optedOut={contact.optedOut} kind="ALL" t={t} />
              <SuppressionButton optedOut={contact.marketingOptOut} kind="MARKETING" t={t} />
              <Link to={`${here}?delete`} className={buttonClass({ variant: 'ghost-danger' })} preventScrollReset>
                {t('contacts.detail.delete')}
              </Link>
            </div>
          </Card>
        ) : null}
        <Card title={t('contacts.history.title')} icon="list" className="card--flush">
          <Table
            caption={t('contacts.history.title')}
            columns={historyColumns}
            rows={history}
            rowKey={(entry) => entry.id}
            empty={t('contacts.history.empty')}
            testId="contact-history"
          />
        </Card>
        <RepliesCard replies={replies} nextCursor={repliesNext} channels={channelNames} />
      </div>
      {confirmDelete && canWrite ? (
        <ConfirmAction
          title={t('contacts.detail.confirmDelete.title')}
          body={t('contacts.detail.confirmDelete.body', { phone: contact.phone })}
          confirmLabel={t('contacts.detail.confirmDelete.confirm')}
          action={here}
          intent="delete"
          fields={{}}
        />
      ) : null}
    </>
  );
}

function Fact({ label, mono, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt className="field__label">{label}</dt>
      <dd className={mono ? 'facts__value--mono' : undefined}>{children}</dd>
    </div>
  );
}

function SuppressionButton({ optedOut, kind, t }: { optedOut: boolean; kind: 'ALL' | 'MARKETING'; t: TFunction }) {
  const label = optedOut
    ? kind === 'ALL'
      ? t('contacts.detail.optInAll')
      : t('contacts.detail.optInMarketing')
    : kind === 'ALL'
      ? t('contacts.detail.optOutAll')
      : t('contacts.detail.optOutMarketing');
  return (
    <Form method="post">
      <input type="hidden" name="kind" value={kind} />
      <Button intent={optedOut ? 'optIn' : 'optOut'} variant={optedOut ? 'secondary' : 'ghost-danger'}>
        {label}
      </Button>
    </Form>
  );
}

function ReviewButton({ decision, label }: { decision: 'DISMISS' | 'OPT_OUT'; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="decision" value={decision} />
      <Button intent="review" variant={decision === 'OPT_OUT' ? 'ghost-danger' : 'secondary'}>
        {label}
      </Button>
    </Form>
  );
}

const HISTORY_KINDS = [
  'CONSENT',
  'OPTED_OUT',
  'OPTED_IN',
  'MARKETING_OPT_OUT',
  'MARKETING_OPT_IN',
  'KEYWORD_REVIEW',
  'REVIEWED',
] as const;

/** The event in the reader's language; a kind this dashboard does not know yet shows as the API names it. */
function historyKind(t: TFunction, entry: HistoryEntry): string {
  const kind = HISTORY_KINDS.find((known) => known === entry.kind);
  if (!kind) return entry.kind;
  const text = t(`contacts.history.kinds.${kind}`);
  if (entry.decision) return `${text} (${t(`contacts.review.decisions.${entry.decision}`)})`;
  return entry.keyword ? `${text} (${entry.keyword})` : text;
}

export { InlineErrorBoundary as ErrorBoundary };
