import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../graphql/graphql';
import { useClientValidation } from '../../utils/forms';
import { translateMessage } from '../../utils/message';
import { permissionAreas } from '../../utils/permissions';
import { Alert, FormError } from '../ui/alert';
import { Card } from '../ui/card';
import { CopyButton } from '../ui/copy-button';
import { Field } from '../ui/field';
import { createTokenSchema } from './schemas';
import type { ApiTokensActionData } from './types';
import { Button } from '../ui/button';

/** Name and permissions (only those the creator holds); the new token is shown here once. */
export function CreateTokenCard({
  grantable,
  actionData,
}: {
  grantable: readonly Permission[];
  actionData?: ApiTokensActionData;
}) {
  const { t } = useTranslation();
  const client = useClientValidation(createTokenSchema, ['permissions']);
  const fieldErrors = client.fieldErrors ?? actionData?.fieldErrors;
  const created = actionData?.ok ? actionData.created : undefined;
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (created) form.current?.reset();
  }, [created]);

  const areas = permissionAreas
    .map((area) => ({ ...area, permissions: area.permissions.filter((permission) => grantable.includes(permission)) }))
    .filter((area) => area.permissions.length > 0);

  return (
    <Card title={t('apiTokens.create.title')} icon="key">
      {created ? (
        <Alert tone="success" title={t('apiTokens.created.title', { name: created.name })}>
          <p>{t('apiTokens.created.body')}</p>
          <div className="secret secret--token">
            <input
              className="input secret__input"
              readOnly
              value={created.token}
              aria-label={t('apiTokens.created.label')}
              data-testid="api-token-value"
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={created.token} />
          </div>
        </Alert>
      ) : (
        <FormError message={actionData?.fieldErrors ? undefined : actionData?.formError} />
      )}
      <Form
        method="post"
        action="/settings/api-tokens"
        className="form"
        noValidate
        onSubmit={client.onSubmit}
        ref={form}
      >
        <div className="form--narrow">
          <Field
            label={t('apiTokens.create.name')}
            hint={t('apiTokens.create.nameHint')}
            name="name"
            autoComplete="off"
            maxLength={80}
            required
            error={fieldErrors?.name}
          />
        </div>
        <fieldset
          className="checkbox-groups"
          aria-invalid={fieldErrors?.permissions ? true : undefined}
          aria-describedby="token-permissions-hint"
        >
          <legend className="field__label">{t('apiTokens.create.permissions')}</legend>
          <p id="token-permissions-hint" className="field__hint">
            {t('apiTokens.create.permissionsHint')}
          </p>
          {fieldErrors?.permissions ? (
            <p className="field__error">{translateMessage(t, fieldErrors.permissions)}</p>
          ) : null}
          <div className="checkbox-groups__grid">
            {areas.map((area) => (
              <fieldset key={area.id} className="checkbox-group">
                <legend className="checkbox-group__title">{t(`permissions.areas.${area.id}`)}</legend>
                {area.permissions.map((permission) => (
                  <label key={permission} className="checkbox">
                    <input type="checkbox" name="permissions" value={permission} />
                    <span>{t(`permissions.${permission}`)}</span>
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        </fieldset>
        <div className="form__actions">
          <Button variant="primary" intent="createToken">
            {t('apiTokens.create.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
