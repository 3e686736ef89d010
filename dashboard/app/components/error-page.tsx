import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { isTranslationKey, type TranslationKey } from '../i18n';
import { Icon } from './ui/icon';

/**
 * What the reader sees when a page fails: a translated title and message, the status code, and a way back.
 * Never the error itself: stack traces, SQL or API internals stay in the server log.
 */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { status, titleKey, messageKey } = describe(error);

  return (
    <main className="error-page" id="main">
      <div className="error-page__panel" role="alert">
        <span className="error-page__icon">
          <Icon name="alert" size={28} />
        </span>
        <h1 className="error-page__title">{t(titleKey)}</h1>
        <p className="error-page__message">{t(messageKey)}</p>
        <p className="error-page__status">{t('errors.status', { status })}</p>
        <Link to="/dashboard" className="button button--primary" reloadDocument>
          <Icon name="arrowLeft" size={16} />
          {t('errors.backHome')}
        </Link>
      </div>
    </main>
  );
}

function describe(error: unknown): { status: number; titleKey: TranslationKey; messageKey: TranslationKey } {
  if (!isRouteErrorResponse(error)) return { status: 500, titleKey: 'errors.title', messageKey: 'errors.generic' };
  if (error.status === 404) {
    return { status: 404, titleKey: 'errors.notFound.title', messageKey: 'errors.notFound.description' };
  }
  const key: unknown = typeof error.data === 'object' && error.data !== null ? error.data.messageKey : undefined;
  return { status: error.status, titleKey: 'errors.title', messageKey: isTranslationKey(key) ? key : 'errors.generic' };
}
