import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkPages, type WalkData } from '../e2e/pages';

const ROUTES = join(__dirname, '..', 'app', 'routes');

/** Every route module: a flat file (`_app.help.tsx`) or a folder's `route.tsx` (`_app.channels/route.tsx`). */
function routeModules(): { name: string; source: string }[] {
  return readdirSync(ROUTES, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const file = join(ROUTES, entry.name, 'route.tsx');
      return existsSync(file) ? [{ name: entry.name, source: readFileSync(file, 'utf8') }] : [];
    }
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [{ name: entry.name.replace(/\.tsx?$/, ''), source: readFileSync(join(ROUTES, entry.name), 'utf8') }];
  });
}

/**
 * A route's address as Remix's flat routes make it: `_`-prefixed segments are pathless layouts, `_index` is the
 * parent's own page, a trailing `_` opts out of nesting, `$name` is one segment, `$` the rest.
 */
function address(name: string): { pattern: RegExp; rank: number } {
  const segments = name
    .split('.')
    .filter((segment) => !segment.startsWith('_'))
    .map((segment) => segment.replace(/_$/, ''));
  const pattern = segments.map((segment) =>
    segment === '$' ? '.+' : segment.startsWith('$') ? '[^/]+' : segment.replace(/-/g, '\\-'),
  );
  // As Remix ranks them: a static segment beats a parameter, and the splat comes last.
  const rank = segments.reduce((sum, segment) => sum + (segment === '$' ? 0 : segment.startsWith('$') ? 2 : 3), 0);
  return { pattern: new RegExp(`^/${pattern.join('/')}$`), rank };
}

/** What the walk's fill step makes, as placeholders: enough to spell every walk page's address. */
const DATA: Required<WalkData> = {
  sentCampaignId: 'sent-campaign',
  draftCampaignId: 'draft-campaign',
  contactId: 'contact',
  importId: 'import',
  bulkJobId: 'bulk-job',
  receiptOrderId: 'receipt-order',
};

/**
 * Issue 20's acceptance: the page walk (page-walk.e2e.test.ts: language, widths, axe, screenshots) covers every
 * page. A page is a route module that renders (a default export) and is no layout of other routes; resource routes
 * (a statement download, the notification poll) and redirects have nothing to walk.
 */
describe('the page walk’s list of pages', () => {
  const modules = routeModules();
  const pages = modules.filter(
    ({ name, source }) => /export default/.test(source) && !modules.some((other) => other.name.startsWith(`${name}.`)),
  );
  const walked = walkPages.map((page) => (typeof page.path === 'string' ? page.path : page.path(DATA)));
  /** The page module a walked address is routed to: the best-ranked route whose pattern it matches. */
  const routedTo = (path: string) =>
    pages
      .map(({ name }) => ({ name, ...address(name) }))
      .filter(({ pattern }) => pattern.test(path.split('?')[0]!))
      .sort((a, b) => b.rank - a.rank)[0]?.name;

  it('finds the dashboard’s pages (the scan itself works)', () => {
    expect(pages.map((page) => page.name)).toEqual(expect.arrayContaining(['_app.help', '_app.channels', '$']));
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(routedTo('/contacts/new')).toBe('_app.contacts.new');
    expect(routedTo('/contacts/0190a000')).toBe('_app.contacts.$contactId');
    expect(routedTo('/no-such-page')).toBe('$');
  });

  it.each(pages.map((page) => [page.name] as const))('walks %s', (name) => {
    // A page missing here is a new page without an entry in e2e/pages.ts: add one (path, visitor, heading).
    expect(walked.filter((path) => routedTo(path) === name)).not.toEqual([]);
  });
});
