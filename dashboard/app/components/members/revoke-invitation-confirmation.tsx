import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../ui/confirm-action';
import type { InvitationRow } from './types';

export function RevokeInvitationConfirmation({ invitation }: { invitation: InvitationRow }) {
  const { t } = useTranslation();
  return (
    <ConfirmAction
      title={t('members.confirmRevokeInvitation.title', { email: invitation.email })}
      body={t('members.confirmRevokeInvitation.body', { email: invitation.email })}
      confirmLabel={t('members.confirmRevokeInvitation.confirm')}
      action="/settings/members"
      intent="revokeInvitation"
      fields={{ invitationId: invitation.id }}
    />
  );
}
