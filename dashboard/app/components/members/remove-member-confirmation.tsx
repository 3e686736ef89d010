import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../ui/confirm-action';
import type { MemberRow } from './types';

export function RemoveMemberConfirmation({ member }: { member: MemberRow }) {
  const { t } = useTranslation();
  const { name, email } = member.user;
  return (
    <ConfirmAction
      title={t('members.confirmRemove.title', { name })}
      body={t('members.confirmRemove.body', { name, email })}
      confirmLabel={t('members.confirmRemove.confirm')}
      action="/settings/members"
      intent="removeMember"
      fields={{ memberId: member.id }}
    />
  );
}
