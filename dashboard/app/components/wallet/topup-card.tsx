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
import { useSnapPay, useSnapReady } from './use-snap';

export type TopupActionData =
  | { ok: false; fieldErrors?: FieldErrors; formError?: Message }
  /** With Snap's script loaded, the action answers the token for `snap.pay` instead of redirecting. */
  | { ok: true; snapToken: string; orderId: string };

/** The form field that asks the action for the popup's token (only sent once snap.js is ready). */
export const POPUP_FIELD = 'popup';

/**
 * A preset is one click (its own form, so its amount never meets the custom field's); the custom amount is
 * checked here and again by the action and the API (which knows the installation's maximum).
 */
export function TopupCard({ actionData }: { actionData?: TopupActionData }) {
  const { t } = useTranslation();
  const { fieldErrors: clientErrors, onSubmit } = useClientValidation(topupSchema);
  const refused = actionData?.ok === false ? actionData : undefined;
  const fieldErrors = clientErrors ?? refused?.fieldErrors;
  const snapReady = useSnapReady();
  useSnapPay(actionData?.ok ? actionData : null);
  const popup = snapReady ? <input type="hidden" name={POPUP_FIELD} value="1" /> : null;
  return (
    <Card title={t('wallet.topup.title')} icon="plus" id="topup">
      <p className="field__hint">{t('wallet.topup.explained', { minimum: formatRupiah(TOPUP_MINIMUM) })}</p>
      <FormError message={refused?.formError} />
      <Form method="post" className="wallet-presets" aria-label={t('wallet.topup.presets')}>
        <input type="hidden" name="intent" value="topup" />
        {popup}
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
        {popup}
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
