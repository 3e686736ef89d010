import { Link, useFetcher, useNavigate } from '@remix-run/react';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../ui/icon';
import type { SearchResult } from './page-matches';
import { useSearchShortcutKey } from './shortcut';

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
 * The list may still show the previous query's results while the new ones load: Enter then waits for the results
 * of what the field says, and opens the first, never a hit of an older query. Without JavaScript the button is a
 * link to the /search page.
 */
export function SearchDialog() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const fetcher = useFetcher<{ query: string; results: SearchResult[] }>();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  /** Enter was pressed before the results of the field's query came (typing on or closing forgets it). */
  const [enterPending, setEnterPending] = useState(false);
  const listId = useId();
  const shortcutKey = useSearchShortcutKey();
  const wanted = query.trim();
  const results = wanted && fetcher.data ? fetcher.data.results : [];
  // The loader answers with the query it searched (trimmed, as sent).
  const current = wanted !== '' && fetcher.data?.query === wanted;

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
    if (!wanted) return;
    const timer = window.setTimeout(() => load(`/search?q=${encodeURIComponent(wanted)}`), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [wanted, load]);

  useEffect(() => setActive(0), [fetcher.data]);

  const go = useCallback(
    (result: SearchResult | undefined) => {
      setEnterPending(false);
      if (!result) return;
      dialog.current?.close();
      setQuery('');
      navigate(result.link);
    },
    [navigate],
  );

  // The results Enter waited for: the best of them (an empty answer opens nothing).
  useEffect(() => {
    if (enterPending && current) go(fetcher.data?.results[0]);
  }, [enterPending, current, fetcher.data, go]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) go(results[active]);
      else if (wanted) setEnterPending(true);
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
          {t(shortcutKey)}
        </kbd>
      </Link>
      <dialog
        ref={dialog}
        className="dialog search-dialog"
        aria-label={t('search.title')}
        onClose={() => setEnterPending(false)}
      >
        <div className="search-dialog__field">
          <Icon name="search" size={18} />
          <input
            ref={input}
            type="search"
            className="search-dialog__input"
            value={query}
            onChange={(event) => {
              setEnterPending(false);
              setQuery(event.target.value);
            }}
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
        <ul
          id={listId}
          role="listbox"
          className="search-results"
          aria-label={t('search.resultsLabel')}
          aria-busy={wanted !== '' && !current}
        >
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
          {current && !searching && results.length === 0
            ? t('search.none', { query: wanted })
            : wanted
              ? ''
              : t('search.hint')}
        </p>
      </dialog>
    </>
  );
}
