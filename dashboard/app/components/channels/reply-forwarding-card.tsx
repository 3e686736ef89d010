import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ChannelsPageQuery } from '../../graphql/graphql';
import { useClientValidation } from '../../utils/forms';
import { Alert, FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { CopyButton } from '../ui/copy-button';
import { Field } from '../ui/field';
import { forwardingSchema } from './schemas';
import type { ChannelsActionData, ForwardingSecretData } from './types';

type Forwarding = ChannelsPageQuery['replyForwarding'];

/**
 * Where the portal forwards every reply (the workspace's own webhook, signed). The signing secret is shown once, in
 * the action's answer, when it is made; it never travels through a redirect, a cookie or a URL.
 */
export function ReplyForwardingCard({
  forwarding,
  canManage,
  refusal,
  created,
}: {
  forwarding: Forwarding;
  canManage: boolean;
  refusal?: ChannelsActionData;
  created?: ForwardingSecretData;
}) {
  const { t } = useTranslation();
  const client = useClientValidation(forwardingSchema);
  const errors = client.fieldErrors ?? refusal?.fieldErrors;
  return (
    <Card title={t('channels.forwarding.title')} icon="activity">
      <p className="card__lead">{t('channels.forwarding.intro')}</p>
      <p data-testid="reply-forwarding-state">
        {forwarding ? (
          <>
            <Badge tone={forwarding.enabled ? 'success' : 'neutral'}>
              {forwarding.enabled ? t('channels.forwarding.on') : t('channels.forwarding.off')}
            </Badge>{' '}
            <span className="facts__value--mono">{forwarding.url}</span>
          </>
        ) : (
          <span className="field__hint">{t('channels.forwarding.none')}</span>
        )}
      </p>
      {created ? (
        <Alert tone="success" title={t('channels.forwarding.secretTitle')}>
          <p>{t('channels.forwarding.secretBody')}</p>
          <div className="secret secret--token">
            <input
              className="input secret__input"
              readOnly
              value={created.secret}
              aria-label={t('channels.forwarding.secretLabel')}
              data-testid="reply-forwarding-secret"
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={created.secret} />
          </div>
        </Alert>
      ) : null}
      {canManage ? (
        <>
          <FormError message={refusal?.fieldErrors ? undefined : refusal?.formError} />
          <Form
            method="post"
            action="/channels"
            className="form channel-connect-form"
            noValidate
            onSubmit={client.onSubmit}
          >
            <Field
              label={t('channels.forwarding.url')}
              hint={t('channels.forwarding.urlHint')}
              name="url"
              type="url"
              inputMode="url"
              autoComplete="off"
              defaultValue={refusal?.values?.url ?? forwarding?.url ?? ''}
              error={errors?.url}
            />
            <label className="checkbox">
              <input type="checkbox" name="enabled" value="on" defaultChecked={forwarding?.enabled ?? true} />
              <span>{t('channels.forwarding.enabled')}</span>
            </label>
            {forwarding ? (
              <label className="checkbox">
                <input type="checkbox" name="rotateSecret" value="on" />
                <span>{t('channels.forwarding.rotate')}</span>
              </label>
            ) : null}
            <div className="form__actions">
              <Button intent="setForwarding" pendingLabel={t('channels.forwarding.saving')}>
                {t('common.save')}
              </Button>
            </div>
          </Form>
        </>
      ) : null}
    </Card>
  );
}
