import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../src/config';
import { WEBHOOK_FIELDS } from '../src/modules/channels';

/** ops/DEPLOY-DEBIAN12.md against the code: an operator who follows it gets a portal that starts and hears Meta. */
describe('the Debian 12 deployment guide', () => {
  const guide = readFileSync(join(__dirname, '../../ops/DEPLOY-DEBIAN12.md'), 'utf8');
  const section = (heading: string) => {
    const start = guide.indexOf(`\n## ${heading}`);
    expect(start).toBeGreaterThan(-1);
    const end = guide.indexOf('\n## ', start + 1);
    return guide.slice(start, end === -1 ? undefined : end);
  };

  it('names, in its configuration step, every setting the API requires in production', () => {
    let problems: string[] = [];
    try {
      parseConfig({ NODE_ENV: 'production', SIMULATORS: 'false' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    const required = problems.map((problem) => problem.split(':')[0]!);
    expect(required).toEqual(expect.arrayContaining(['DATABASE_URL', 'META_APP_ID', 'MIDTRANS_MERCHANT_ID']));
    const configuration = section('5. Configuration');
    expect(required.filter((name) => !configuration.includes(`\`${name}\``))).toEqual([]);
  });

  it('subscribes the Meta app to every webhook field the portal applies', () => {
    const webhooks = section('9. Webhooks');
    expect(WEBHOOK_FIELDS.filter((field) => !webhooks.includes(`\`${field}\``))).toEqual([]);
  });
});
