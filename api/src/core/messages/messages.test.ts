import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from './en.json';
import id from './id.json';
import { TRANSLATED_CONSTRAINTS } from '../../graphql/validation';
import { NOTIFICATION_TYPES } from '../../modules/notifications/notification-types';

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('API messages', () => {
  it('exist in English and Indonesian with the same keys and placeholders', () => {
    expect(keys(id).sort()).toEqual(keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();
    const lookup = (tree: Record<string, unknown>, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
    for (const key of keys(en))
      expect({ key, params: placeholders(lookup(id, key)) }).toEqual({ key, params: placeholders(lookup(en, key)) });
  });

  it('cover every message key the code raises', () => {
    const known = new Set(keys(en));
    const used = sourceFiles(join(__dirname, '..', '..'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'[A-Z_]+',\s*'([\w.]+)'/g)])
      .map((match) => match[1]);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('validation messages', () => {
  it('exist for every constraint the error mapping translates', () => {
    const validation = en.validation as Record<string, string>;
    expect([...TRANSLATED_CONSTRAINTS, 'invalid'].filter((name) => !validation[name])).toEqual([]);
  });
});

describe('notification texts', () => {
  it('exist for every notification type, with exactly the placeholders its parameters provide', () => {
    const texts = en.notifications as Record<string, { title: string; body: string }>;
    for (const [type, spec] of Object.entries(NOTIFICATION_TYPES)) {
      const used = [...`${texts[type]?.title} ${texts[type]?.body}`.matchAll(/{{(\w+)}}/g)].map((match) => match[1]);
      expect({ type, unknown: used.filter((name) => !(name! in spec.params)) }).toEqual({ type, unknown: [] });
      expect({ type, present: Boolean(texts[type]?.title && texts[type]?.body) }).toEqual({ type, present: true });
    }
  });
});
