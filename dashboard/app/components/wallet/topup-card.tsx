import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../utils/format';
import { useClientValidation, type FieldErrors } from '../../utils/forms';
import type { Message } from '../../utils/message';
import { FormError } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field } from '../ui/field';
import { TOPUP_MINIMUM, TOPUP_PRESETS, topupSchema } from './schemas';

export interface TopupActionData {
  ok: false;
  fieldErrors?: FieldErrors;
  formError?: Message;
}

/**
 * A preset is one click (its own form, so its amount never meets the custom field's); the custom amount is
 * checked here and again by the action and the API (which knows the installation's maximum).
 */
export function TopupCard({ actionData }: { actionData?: TopupActionData }) {
  const { t } = useTranslation();
  const { fieldErrors: clientErrors, onSubmit } = useClientValidation(topupSchema);
  const fieldErrors = clientErrors ?? actionData?.fieldErrors;
  return (
    <Card title={t('wallet.topup.title')} icon="plus">
      <p className="field__hint">{t('wallet.topup.explained', { minimum: formatRupiah(TOPUP_MINIMUM) })}</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="wallet-presets" aria-label={t('wallet.topup.presets')}>
        <input type="hidden" name="intent" value="topup" />
        {TOPUP_PRESETS.map((amount) => (
          <button
            key={amount}
            type="submit"
            name="amount"
            value={String(amount)}
            className="button button--secondary wallet-presets__item"
          >
            {formatRupiah(amount)}
          </button>
        ))}
      </Form>
      <Form method="post" noValidate onSubmit={onSubmit} className="wallet-custom">
        <Field
          label={t('wallet.topup.custom')}
          name="amount"
          inputMode="numeric"
          autoComplete="off"
          placeholder="150.000"
          hint={t('wallet.topup.customHint')}
          error={fieldErrors?.amount}
        />
        <Button intent="topup" pendingLabel={t('wallet.topup.opening')}>
          {t('wallet.topup.pay')}
        </Button>
      </Form>
    </Card>
  );
}
