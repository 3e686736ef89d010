import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CampaignChannelsQuery, CreateCampaignMutation } from '../components/campaigns/documents';
import { newCampaignSchema } from '../components/campaigns/schemas';
import { InlineErrorBoundary } from '../components/error-page';
import { Alert, FormError } from '../components/ui/alert';
import { Button, buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { Field, SelectField } from '../components/ui/field';
import { refused } from '../utils/action.server';
import { can, requirePermission } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { parseForm, useClientValidation, type FieldErrors } from '../utils/forms';
import { gql, gqlForm } from '../utils/graphql.server';
import type { Message } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { redirectWithToast } from '../utils/toast.server';

export const handle: RouteHandle = { titleKey: 'campaigns.create.title' };

interface NewCampaignActionData {
  formError?: Message;
  fieldErrors?: FieldErrors;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'CAMPAIGNS_WRITE');
  const channels = can(user, 'CHANNELS_READ') ? (await gql(request, CampaignChannelsQuery)).channels : [];
  return { channels, canConnect: can(user, 'CHANNELS_MANAGE') };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'CAMPAIGNS_WRITE');
  const parsed = parseForm(newCampaignSchema, await request.formData());
  if (!parsed.ok) return refused<NewCampaignActionData>({ fieldErrors: parsed.fieldErrors });
  const result = await gqlForm(request, CreateCampaignMutation, { input: parsed.data });
  if (result.failure) return refused<NewCampaignActionData>(result.failure, result.status);
  return redirectWithToast(`/campaigns/${result.data.createCampaign.id}/edit`, {
    type: 'success',
    key: 'campaigns.create.created',
  });
}

/** Step one of the wizard: a name and the number to send from; the rest is edited on the draft. */
export default function NewCampaignPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const client = useClientValidation(newCampaignSchema);
  const errors = { ...actionData?.fieldErrors, ...client.fieldErrors };
  return (
    <>
      <h1 className="page__title">{t('campaigns.create.title')}</h1>
      <p className="page__lead">{t('campaigns.create.intro')}</p>
      <div className="stack">
        {data.channels.length === 0 ? (
          <Alert tone="info">
            <p>
              {t('campaigns.create.noChannel')}{' '}
              {data.canConnect ? <Link to="/channels">{t('templates.connectChannel')}</Link> : null}
            </p>
          </Alert>
        ) : (
          <Card title={t('campaigns.editor.steps.channel')} icon="phone">
            <Form method="post" noValidate onSubmit={client.onSubmit} className="campaign-form">
              <FormError message={actionData?.formError} />
              <Field label={t('campaigns.editor.name')} name="name" required maxLength={120} error={errors.name} />
              <SelectField label={t('campaigns.editor.channel')} name="channelId" error={errors.channelId}>
                {data.channels.map((channel) => (
                  <option key={channel.id} value={channel.id}>
                    {channel.name} ({channel.displayNumber ?? channel.phoneNumberId})
                  </option>
                ))}
              </SelectField>
              <div className="campaign-form__actions">
                <Button intent="create" pendingLabel={t('campaigns.create.creating')}>
                  {t('campaigns.create.submit')}
                </Button>
                <Link to="/campaigns" className={buttonClass({ variant: 'secondary' })}>
                  {t('common.cancel')}
                </Link>
              </div>
            </Form>
          </Card>
        )}
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
