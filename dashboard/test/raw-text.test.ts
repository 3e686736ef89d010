import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findRawText } from './raw-text';

const dashboardDir = join(__dirname, '..');
const appDir = join(dashboardDir, 'app');

function tsxFiles(): string[] {
  return readdirSync(appDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx'))
    .map((file) => join(appDir, file));
}

describe('raw text in JSX', () => {
  it('finds no untranslated text in app/**/*.tsx', () => {
    const files = tsxFiles();
    expect(files.length).toBeGreaterThan(10);
    const findings = files.flatMap((file) =>
      findRawText(relative(dashboardDir, file), readFileSync(file, 'utf8')).map(
        (finding) => `${finding.file}:${finding.line} ${JSON.stringify(finding.text)}`,
      ),
    );
    expect(findings).toEqual([]);
  });
});

describe('findRawText', () => {
  const sample = `
    export function Sample({ n, t }: { n: number; t: (key: string) => string }) {
      return (
        <section title="Welcome">
          <h1>Hello there</h1>
          <input placeholder={'Search contacts'} aria-label={n > 1 ? 'Many' : 'One'} />
          <img alt={\`Logo of \${n}\`} src="/logo.png" className="a b" />
          <p>{'Literal child'}</p>
          <p>{t('home.title')} · {n} %</p>
          <span>BizOne</span>
          <option label={t('x')} value="plain value" />
        </section>
      );
    }
  `;

  it('reports JSX text, visible attributes and literal children with their lines', () => {
    expect(findRawText('sample.tsx', sample)).toEqual([
      { file: 'sample.tsx', line: 4, text: 'Welcome' },
      { file: 'sample.tsx', line: 5, text: 'Hello there' },
      { file: 'sample.tsx', line: 6, text: 'Search contacts' },
      { file: 'sample.tsx', line: 6, text: 'Many' },
      { file: 'sample.tsx', line: 6, text: 'One' },
      { file: 'sample.tsx', line: 7, text: 'Logo of' },
      { file: 'sample.tsx', line: 8, text: 'Literal child' },
    ]);
  });

  it('lets the allow-list through and nothing else', () => {
    expect(findRawText('a.tsx', '<b>BizOne</b>')).toEqual([]);
    expect(findRawText('a.tsx', '<b>BizOne</b>', new Set())).toEqual([{ file: 'a.tsx', line: 1, text: 'BizOne' }]);
  });
});
