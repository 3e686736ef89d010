import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenRow } from './types';

export function RevokeTokenConfirmation({ token }: { token: ApiTokenRow }) {
  const { t } = useTranslation();
  return (
    <section className="confirm" aria-labelledby="confirm-revoke-title" aria-describedby="confirm-revoke-body">
      <h2 className="confirm__title" id="confirm-revoke-title">
        {t('apiTokens.confirmRevoke.title', { name: token.name })}
      </h2>
      <p id="confirm-revoke-body">{t('apiTokens.confirmRevoke.body')}</p>
      <Form method="post" action="/settings/api-tokens" className="confirm__actions">
        <input type="hidden" name="intent" value="revokeToken" />
        <input type="hidden" name="tokenId" value={token.id} />
        <button type="submit" className="button button--danger">
          {t('apiTokens.confirmRevoke.confirm')}
        </button>
        <Link to="/settings/api-tokens" className="button button--secondary">
          {t('common.cancel')}
        </Link>
      </Form>
    </section>
  );
}
