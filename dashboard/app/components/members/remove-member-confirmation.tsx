import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from './types';

export function RemoveMemberConfirmation({ member }: { member: MemberRow }) {
  const { t } = useTranslation();
  const { name, email } = member.user;
  return (
    <section className="confirm" aria-labelledby="confirm-remove-title" aria-describedby="confirm-remove-body">
      <h2 className="confirm__title" id="confirm-remove-title">
        {t('members.confirmRemove.title', { name })}
      </h2>
      <p id="confirm-remove-body">{t('members.confirmRemove.body', { name, email })}</p>
      <Form method="post" action="/settings/members" className="confirm__actions">
        <input type="hidden" name="intent" value="removeMember" />
        <input type="hidden" name="memberId" value={member.id} />
        <button type="submit" className="button button--danger">
          {t('members.confirmRemove.confirm')}
        </button>
        <Link to="/settings/members" className="button button--secondary">
          {t('common.cancel')}
        </Link>
      </Form>
    </section>
  );
}
