import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { InlineErrorBoundary } from '../components/error-page';
import { FormError } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { Field, SelectField } from '../components/ui/field';
import { Table, type Column } from '../components/ui/table';
import { graphql } from '../graphql';
import type { AdminPriceHistoryQuery, TemplateCategory } from '../graphql/graphql';
import { refused } from '../utils/action.server';
import { requireUser } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { formatRupiah } from '../utils/format';
import { parseForm, useClientValidation, type FieldErrors } from '../utils/forms';
import { errorResponse, gql, gqlForm } from '../utils/graphql.server';
import type { Message } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { redirectWithToast } from '../utils/toast.server';
import { useDateTime } from '../utils/use-date-time';

// Two requests: `prices` costs 100 rows a list (listCost), and both lists in one query exceed the API's limit.
const CurrentPricesQuery = graphql(`
  query AdminCurrentPrices {
    prices {
      current {
        category
        amount
        validFrom
        workspaceId
      }
    }
  }
`);

const PriceHistoryQuery = graphql(`
  query AdminPriceHistory {
    prices {
      history {
        category
        amount
        validFrom
        workspaceId
      }
    }
  }
`);

const SetPriceMutation = graphql(`
  mutation AdminSetPrice($input: SetPriceInput!) {
    setPrice(input: $input) {
      category
      amount
    }
  }
`);

type PriceRow = AdminPriceHistoryQuery['prices']['history'][number];

// A Record so a new category in the schema is a compile error here until it is offered.
const CATEGORY_ORDER: Record<TemplateCategory, number> = { MARKETING: 0, UTILITY: 1, AUTHENTICATION: 2 };
const CATEGORIES = Object.keys(CATEGORY_ORDER) as TemplateCategory[];

const priceSchema = z.object({
  category: z.enum(CATEGORIES as [TemplateCategory, ...TemplateCategory[]], { error: 'validation.invalid' }),
  amount: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.regex(/^(\d+|\d{1,3}([. ]\d{3})+)$/, { error: 'wallet.topup.wholeRupiah' }),
    ),
  workspaceId: z.optional(z.string().check(z.trim())),
});

interface PricingActionData {
  ok: false;
  fieldErrors?: FieldErrors;
  formError?: Message;
}

export const handle: RouteHandle = { titleKey: 'wallet.pricing.title' };

async function requirePlatformAdmin(request: Request) {
  const user = await requireUser(request);
  if (!user.isPlatformAdmin) throw errorResponse({ messageKey: 'errors.forbidden.description' }, 403);
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  const [current, history] = await Promise.all([gql(request, CurrentPricesQuery), gql(request, PriceHistoryQuery)]);
  return { prices: { current: current.prices.current, history: history.prices.history } };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePlatformAdmin(request);
  const form = await request.formData();
  if (form.get('intent') !== 'setPrice') throw errorResponse({ messageKey: 'errors.generic' }, 400);
  const parsed = parseForm(priceSchema, form);
  if (!parsed.ok) return refused<PricingActionData>({ ok: false, fieldErrors: parsed.fieldErrors });
  const { category, amount, workspaceId } = parsed.data;
  const result = await gqlForm(request, SetPriceMutation, {
    input: { category, amount: Number(amount.replace(/[. ]/g, '')), workspaceId: workspaceId || null },
  });
  if (result.failure) return refused<PricingActionData>({ ok: false, ...result.failure }, result.status);
  return redirectWithToast('/admin/pricing', { type: 'success', key: 'wallet.pricing.saved' });
}

/** The platform operator's prices per message: in force now, their history, and a new price from now on. */
export default function PricingPage() {
  const { prices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const { fieldErrors: clientErrors, onSubmit } = useClientValidation(priceSchema);
  const errors = clientErrors ?? actionData?.fieldErrors;
  const columns: Column<PriceRow>[] = [
    { id: 'category', header: t('wallet.pricing.category'), cell: (row) => t(`wallet.category.${row.category}`) },
    {
      id: 'amount',
      header: t('wallet.pricing.amount'),
      className: 'table__nowrap',
      cell: (row) => formatRupiah(row.amount),
    },
    {
      id: 'scope',
      header: t('wallet.pricing.scope'),
      className: 'table__mono',
      cell: (row) => row.workspaceId ?? t('wallet.pricing.installation'),
    },
    {
      id: 'from',
      header: t('wallet.pricing.from'),
      className: 'table__nowrap',
      cell: (row) => (row.validFrom ? dateTime(row.validFrom) : t('wallet.pricing.default')),
    },
  ];
  const key = (row: PriceRow) => `${row.category}-${row.workspaceId ?? ''}-${row.validFrom ?? ''}`;
  return (
    <>
      <h1 className="page__title">{t('wallet.pricing.title')}</h1>
      <p className="page__lead">{t('wallet.pricing.intro')}</p>
      <div className="stack">
        <Card title={t('wallet.pricing.current')} icon="wallet" className="card--flush">
          <Table
            caption={t('wallet.pricing.current')}
            columns={columns}
            rows={prices.current}
            rowKey={key}
            empty={t('wallet.pricing.emptyCurrent')}
            testId="prices-current"
          />
        </Card>
        <Card title={t('wallet.pricing.set')} icon="plus">
          <FormError message={actionData?.formError} />
          <Form method="post" noValidate onSubmit={onSubmit} className="wallet-form">
            <SelectField label={t('wallet.pricing.category')} name="category" error={errors?.category}>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`wallet.category.${category}`)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('wallet.pricing.amountRp')}
              name="amount"
              inputMode="numeric"
              autoComplete="off"
              error={errors?.amount}
            />
            <Field
              label={t('wallet.pricing.workspaceId')}
              name="workspaceId"
              autoComplete="off"
              hint={t('wallet.pricing.workspaceIdHint')}
              error={errors?.workspaceId}
            />
            <Button intent="setPrice" pendingLabel={t('wallet.billing.saving')}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
        <Card title={t('wallet.pricing.history')} icon="list" className="card--flush">
          <Table
            caption={t('wallet.pricing.history')}
            columns={columns}
            rows={prices.history}
            rowKey={key}
            empty={t('wallet.pricing.emptyHistory')}
            testId="prices-history"
          />
        </Card>
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
