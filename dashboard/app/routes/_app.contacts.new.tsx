import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ContactFields } from '../components/contacts/contact-fields';
import { contactFieldErrors, toContactInput } from '../components/contacts/contact-input';
import { createContactSchema } from '../components/contacts/schemas';
import { InlineErrorBoundary } from '../components/error-page';
import { FormError } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { graphql } from '../graphql';
import { refused } from '../utils/action.server';
import { requirePermission } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { parseForm, useClientValidation, type FormFeedback } from '../utils/forms';
import { gqlForm } from '../utils/graphql.server';
import type { RouteHandle } from '../utils/route-handle';
import { redirectWithToast } from '../utils/toast.server';

const CreateContactDocument = graphql(`
  mutation CreateContactByHand($input: CreateContactInput!) {
    createContact(input: $input) {
      id
    }
  }
`);

export const handle: RouteHandle = { titleKey: 'contacts.create.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'CONTACTS_WRITE');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'CONTACTS_WRITE');
  const parsed = parseForm(createContactSchema, await request.formData());
  if (!parsed.ok) return refused<FormFeedback>({ fieldErrors: parsed.fieldErrors });
  const consentStatement = parsed.data.consentStatement || null;
  const result = await gqlForm(request, CreateContactDocument, {
    input: { ...toContactInput(parsed.data), consentStatement },
  });
  if (result.failure) {
    const { formError, fieldErrors } = result.failure;
    return refused<FormFeedback>({ formError, fieldErrors: contactFieldErrors(fieldErrors) }, result.status);
  }
  return redirectWithToast(`/contacts/${result.data.createContact.id}`, {
    type: 'success',
    key: 'contacts.create.created',
  });
}

export default function NewContactPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const client = useClientValidation(createContactSchema);
  return (
    <>
      <p>
        <Link to="/contacts" className="button-link">
          {t('contacts.detail.back')}
        </Link>
      </p>
      <h1 className="page__title">{t('contacts.create.title')}</h1>
      <p className="page__lead">{t('contacts.create.lead')}</p>
      <Card title={t('contacts.detail.facts')} icon="list">
        <Form
          method="post"
          className="form form--inline"
          noValidate
          onSubmit={client.onSubmit}
          data-testid="contact-new"
        >
          <FormError message={actionData?.formError} />
          <ContactFields fieldErrors={client.fieldErrors ?? actionData?.fieldErrors} withConsent />
          <div className="form__actions">
            <Button>{t('contacts.create.submit')}</Button>
          </div>
        </Form>
      </Card>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
