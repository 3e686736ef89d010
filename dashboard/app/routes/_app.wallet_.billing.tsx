import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { InlineErrorBoundary } from '../components/error-page';
import { FormError } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { Field } from '../components/ui/field';
import { graphql } from '../graphql';
import { refused } from '../utils/action.server';
import { can, requirePermission } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { parseForm, useClientValidation, type FieldErrors } from '../utils/forms';
import { errorResponse, gql, gqlForm } from '../utils/graphql.server';
import type { Message } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { redirectWithToast } from '../utils/toast.server';

const BillingProfileQuery = graphql(`
  query WalletBillingProfile {
    billingProfile {
      legalName
      npwp
      address
      invoiceEmail
    }
  }
`);

const UpdateBillingProfileMutation = graphql(`
  mutation UpdateBillingProfile($input: BillingProfileInput!) {
    updateBillingProfile(input: $input) {
      legalName
    }
  }
`);

const required = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'validation.required' }),
      z.maxLength(max, { error: 'validation.tooLong' }),
    );

/** The same rules as the API (billing.service.ts): an NPWP is 16 digits, dots, dashes and spaces allowed. */
const billingSchema = z.object({
  legalName: required(200),
  address: required(500),
  invoiceEmail: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, { error: 'validation.required' }),
      z.email({ error: 'validation.email' }),
    ),
  npwp: z.optional(
    z.string().check(
      z.trim(),
      z.refine((value) => value === '' || /^\d{16}$/.test(value.replace(/[.\s-]/g, '')), {
        error: 'wallet.billing.npwpFormat',
      }),
    ),
  ),
});

interface BillingActionData {
  ok: false;
  fieldErrors?: FieldErrors;
  formError?: Message;
}

export const handle: RouteHandle = { titleKey: 'wallet.billing.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'PAYMENTS_READ');
  const { billingProfile } = await gql(request, BillingProfileQuery);
  return { profile: billingProfile ?? null, canEdit: can(user, 'WALLET_TOPUP') };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'WALLET_TOPUP');
  const form = await request.formData();
  if (form.get('intent') !== 'saveBilling') throw errorResponse({ messageKey: 'errors.generic' }, 400);
  const parsed = parseForm(billingSchema, form);
  if (!parsed.ok) return refused<BillingActionData>({ ok: false, fieldErrors: parsed.fieldErrors });
  const { npwp, ...rest } = parsed.data;
  const result = await gqlForm(request, UpdateBillingProfileMutation, { input: { ...rest, npwp: npwp || null } });
  if (result.failure) return refused<BillingActionData>({ ok: false, ...result.failure }, result.status);
  return redirectWithToast('/wallet/billing', { type: 'success', key: 'wallet.billing.saved' });
}

/** Who receipts are made out to (printed on every receipt issued after a change). */
export default function BillingProfilePage() {
  const { profile, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { fieldErrors: clientErrors, onSubmit } = useClientValidation(billingSchema);
  const errors = clientErrors ?? actionData?.fieldErrors;
  return (
    <>
      <h1 className="page__title">{t('wallet.billing.title')}</h1>
      <p className="page__lead">{t('wallet.billing.intro')}</p>
      <div className="stack">
        <Card title={t('wallet.billing.title')} icon="wallet">
          <FormError message={actionData?.formError} />
          <Form method="post" noValidate onSubmit={onSubmit}>
            <fieldset disabled={!canEdit} className="wallet-form">
              <Field
                label={t('wallet.billing.legalName')}
                name="legalName"
                defaultValue={profile?.legalName ?? ''}
                autoComplete="organization"
                error={errors?.legalName}
              />
              <Field
                label={t('wallet.billing.npwp')}
                name="npwp"
                inputMode="numeric"
                defaultValue={profile?.npwp ?? ''}
                hint={t('wallet.billing.npwpHint')}
                error={errors?.npwp}
              />
              <Field
                label={t('wallet.billing.address')}
                name="address"
                defaultValue={profile?.address ?? ''}
                autoComplete="street-address"
                error={errors?.address}
              />
              <Field
                label={t('wallet.billing.invoiceEmail')}
                name="invoiceEmail"
                type="email"
                defaultValue={profile?.invoiceEmail ?? ''}
                autoComplete="email"
                error={errors?.invoiceEmail}
              />
              {canEdit ? (
                <Button intent="saveBilling" pendingLabel={t('wallet.billing.saving')}>
                  {t('common.save')}
                </Button>
              ) : null}
            </fieldset>
          </Form>
        </Card>
        <p>
          <Link to="/wallet">{t('wallet.receipt.back')}</Link>
        </p>
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
