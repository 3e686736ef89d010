import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { isTranslationKey, type TranslationKey } from '../i18n';
import { toMessageParams, translateMessage, type MessageParams } from '../utils/message';
import { Icon } from './ui/icon';

/**
 * What the reader sees when a page fails: a translated title and message, the status code, and a way back.
 * Never the error itself: stack traces, SQL or API internals stay in the server log. `inline` renders it inside
 * the signed-in shell (a 403 on one settings page keeps the navigation around it).
 */
export function ErrorPage({ inline = false }: { inline?: boolean }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const { status, titleKey, messageKey, params } = describe(error);

  const panel = (
    <div className="error-page__panel" role="alert">
      <span className="error-page__icon">
        <Icon name={status === 403 ? 'lock' : 'alert'} size={28} />
      </span>
      {inline ? (
        <h2 className="error-page__title">{t(titleKey)}</h2>
      ) : (
        <h1 className="error-page__title">{t(titleKey)}</h1>
      )}
      <p className="error-page__message">{translateMessage(t, { key: messageKey, params })}</p>
      <p className="error-page__status">{t('errors.status', { status })}</p>
      <Link to="/dashboard" className="button button--primary" reloadDocument>
        <Icon name="arrowLeft" size={16} />
        {t('errors.backHome')}
      </Link>
    </div>
  );

  if (inline) return <div className="error-page error-page--inline">{panel}</div>;
  return (
    <main className="error-page" id="main">
      {panel}
    </main>
  );
}

/** For routes inside the shell: `export { InlineErrorBoundary as ErrorBoundary }`. */
export function InlineErrorBoundary() {
  return <ErrorPage inline />;
}

function describe(error: unknown): {
  status: number;
  titleKey: TranslationKey;
  messageKey: TranslationKey;
  params: MessageParams;
} {
  if (!isRouteErrorResponse(error)) {
    return { status: 500, titleKey: 'errors.title', messageKey: 'errors.generic', params: {} };
  }
  if (error.status === 404) {
    return {
      status: 404,
      titleKey: 'errors.notFound.title',
      messageKey: 'errors.notFound.description',
      params: {},
    };
  }
  const body: unknown = error.data;
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const key = record.messageKey;
  if (error.status === 403) {
    return {
      status: 403,
      titleKey: 'errors.forbidden.title',
      messageKey: isTranslationKey(key) ? key : 'errors.forbidden.description',
      params: toMessageParams(record.params),
    };
  }
  return {
    status: error.status,
    titleKey: 'errors.title',
    messageKey: isTranslationKey(key) ? key : 'errors.generic',
    params: toMessageParams(record.params),
  };
}
