import { Link, useFetcher, useNavigate } from '@remix-run/react';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../ui/icon';
import type { SearchResult } from './page-matches';

const ICONS: Record<SearchResult['kind'], IconName> = {
  PAGE: 'chevronRight',
  CONTACT: 'contacts',
  CAMPAIGN: 'campaigns',
  PAYMENT_ORDER: 'wallet',
  TEMPLATE: 'templates',
};
const DEBOUNCE_MS = 150;

/** A result's two lines: what it is called, and what kind of thing it is with its detail. */
export function SearchResultLabel({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  return (
    <>
      <Icon name={ICONS[result.kind]} size={18} className="search-result__icon" />
      <span className="search-result__text">
        <span className="search-result__title">{result.title}</span>
        <span className="search-result__detail">
          {t(`search.kind.${result.kind}`)}
          {result.kind === 'PAGE' ? null : ` · ${result.detail}`}
        </span>
      </span>
    </>
  );
}

/**
 * The header's search: a button (and Ctrl/Cmd+K) opening a modal with one field; results come as the reader types
 * (the /search route's loader through a fetcher), Arrow keys move through them, Enter opens one, Escape closes.
 * Without JavaScript the button is a link to the /search page.
 */
export function SearchDialog() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const fetcher = useFetcher<{ query: string; results: SearchResult[] }>();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = query.trim() && fetcher.data ? fetcher.data.results : [];

  const open = useCallback(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    input.current?.select();
  }, []);
  const close = () => dialog.current?.close();

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const { load } = fetcher;
  useEffect(() => {
    const wanted = query.trim();
    if (!wanted) return;
    const timer = window.setTimeout(() => load(`/search?q=${encodeURIComponent(wanted)}`), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, load]);

  useEffect(() => setActive(0), [fetcher.data]);

  const go = (result: SearchResult | undefined) => {
    if (!result) return;
    close();
    setQuery('');
    navigate(result.link);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(results[active]);
    } else if (event.key === 'Escape') {
      // One Escape closes: a search field's own Escape would only empty it first, and a second one close the dialog.
      event.preventDefault();
      close();
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  const searching = fetcher.state !== 'idle';
  return (
    <>
      <Link
        to="/search"
        className="header-search"
        onClick={(event) => {
          event.preventDefault();
          open();
        }}
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="search-button"
      >
        <Icon name="search" size={18} />
        <span className="header-search__label">{t('search.open')}</span>
        <kbd className="header-search__key" aria-hidden="true">
          {t('search.shortcut')}
        </kbd>
      </Link>
      <dialog ref={dialog} className="dialog search-dialog" aria-label={t('search.title')}>
        <div className="search-dialog__field">
          <Icon name="search" size={18} />
          <input
            ref={input}
            type="search"
            className="search-dialog__input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t('search.placeholder')}
            aria-label={t('search.label')}
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={results.length > 0 ? optionId(active) : undefined}
            maxLength={100}
            autoComplete="off"
          />
          <button type="button" className="header-icon-button" onClick={close} aria-label={t('search.close')}>
            <Icon name="close" size={18} />
          </button>
        </div>
        <ul id={listId} role="listbox" className="search-results" aria-label={t('search.resultsLabel')}>
          {results.map((result, index) => (
            <li
              key={`${result.kind}:${result.id}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="search-result"
              data-testid="search-result"
              onMouseEnter={() => setActive(index)}
              onClick={() => go(result)}
            >
              <SearchResultLabel result={result} />
            </li>
          ))}
        </ul>
        <p className="search-dialog__status" role="status">
          {query.trim() && !searching && fetcher.data && results.length === 0
            ? t('search.none', { query: query.trim() })
            : query.trim()
              ? ''
              : t('search.hint')}
        </p>
      </dialog>
    </>
  );
}
