import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../ui/confirm-action';
import type { ApiTokenRow } from './types';

export function RevokeTokenConfirmation({ token }: { token: ApiTokenRow }) {
  const { t } = useTranslation();
  return (
    <ConfirmAction
      title={t('apiTokens.confirmRevoke.title', { name: token.name })}
      body={t('apiTokens.confirmRevoke.body')}
      confirmLabel={t('apiTokens.confirmRevoke.confirm')}
      action="/settings/api-tokens"
      intent="revokeToken"
      fields={{ tokenId: token.id }}
    />
  );
}
