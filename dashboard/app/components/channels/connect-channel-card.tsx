import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useClientValidation } from '../../utils/forms';
import { FormError } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field } from '../ui/field';
import { connectChannelSchema } from './schemas';
import { useResetAfterSuccess } from './use-reset-after-success';
import type { ChannelsActionData } from './types';

/**
 * Connects a number of a WhatsApp Business Account. The token field is a password field and is never filled back
 * in after a refusal: a secret travels once, from the reader to the API.
 */
export function ConnectChannelCard({ actionData }: { actionData?: ChannelsActionData }) {
  const { t } = useTranslation();
  const client = useClientValidation(connectChannelSchema);
  const errors = client.fieldErrors ?? actionData?.fieldErrors;
  const form = useResetAfterSuccess(actionData !== undefined);
  return (
    <Card title={t('channels.connect.title')} icon="plus">
      <p className="card__lead">{t('channels.connect.intro')}</p>
      <FormError message={actionData?.formError} />
      <Form
        method="post"
        action="/channels"
        className="form channel-connect-form"
        noValidate
        onSubmit={client.onSubmit}
        ref={form}
      >
        <Field
          label={t('channels.form.name')}
          hint={t('channels.form.nameHint')}
          name="name"
          defaultValue={actionData?.values?.name}
          autoComplete="off"
          maxLength={100}
          error={errors?.name}
        />
        <Field
          label={t('channels.form.phoneNumberId')}
          hint={t('channels.form.phoneNumberIdHint')}
          name="phoneNumberId"
          defaultValue={actionData?.values?.phoneNumberId}
          inputMode="numeric"
          autoComplete="off"
          error={errors?.phoneNumberId}
        />
        <Field
          label={t('channels.form.wabaId')}
          hint={t('channels.form.wabaIdHint')}
          name="wabaId"
          defaultValue={actionData?.values?.wabaId}
          inputMode="numeric"
          autoComplete="off"
          error={errors?.wabaId}
        />
        <Field
          label={t('channels.form.accessToken')}
          hint={t('channels.form.accessTokenHint')}
          name="accessToken"
          type="password"
          autoComplete="off"
          error={errors?.accessToken}
        />
        <div className="form__actions">
          <Button variant="primary" intent="connect" pendingLabel={t('channels.connect.pending')}>
            {t('channels.connect.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
