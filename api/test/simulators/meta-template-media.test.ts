import { katalogTemplate } from '../support/media-templates';
import { PHONE_NUMBER_ID, send, startTestSimulator, type TestSimulator } from './meta-support';

const WABA = '102290129340377';
const NUMBER = '106540352242977';
const OTHER_NUMBER = '106540352242978';
const NUMBER_TOKEN = 'EAAG-media-buttons-token';

// A media-header template with a URL button (dynamic suffix) and a coupon template (copy-code button), written by
// hand from Meta's "Template components" and "Coupon code templates" pages.
const TEMPLATES = [
  katalogTemplate('1234567890129001'),
  {
    id: '1234567890129002',
    name: 'kupon_akhir_tahun',
    language: 'id',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'BODY', text: 'Pakai kode {{1}} untuk diskon.' },
      { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'HEMAT25' }] },
    ],
  },
];

const katalog = (components: unknown[]) => ({
  messaging_product: 'whatsapp',
  to: '6281234567890',
  type: 'template',
  template: { name: 'katalog_desember', language: { code: 'id' }, components },
});
const kupon = (components: unknown[]) => ({
  messaging_product: 'whatsapp',
  to: '6281234567890',
  type: 'template',
  template: { name: 'kupon_akhir_tahun', language: { code: 'id' }, components },
});
const image = (media: Record<string, string>) => ({ type: 'header', parameters: [{ type: 'image', image: media }] });
const bodyText = (text: string) => ({ type: 'body', parameters: [{ type: 'text', text }] });
const urlButton = (index: unknown, text: string) => ({
  type: 'button',
  sub_type: 'url',
  index,
  parameters: [{ type: 'text', text }],
});
const couponButton = (code: string) => ({
  type: 'button',
  sub_type: 'copy_code',
  index: 0,
  parameters: [{ type: 'coupon_code', coupon_code: code }],
});

async function upload(sim: TestSimulator, phone: string, token: string): Promise<{ status: number; id?: string }> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', 'image/png');
  form.set('file', new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' }), 'k.png');
  const response = await fetch(`${sim.meta.url}/v21.0/${phone}/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, ...((await response.json()) as { id?: string }) };
}

/** Header media and button parameters are checked as Meta checks them. */
describe('the Meta simulator’s checks of media headers and buttons', () => {
  let sim: TestSimulator;
  const options = { phone: NUMBER, token: NUMBER_TOKEN };

  beforeAll(async () => {
    sim = await startTestSimulator();
    const number = (id: string, display: string) => ({
      id,
      displayPhoneNumber: display,
      verifiedName: 'Toko Media',
      qualityRating: 'GREEN',
      throughputLevel: 'STANDARD' as const,
      isOnBizApp: false,
    });
    sim.meta.simulator.addAccount({
      wabaId: WABA,
      token: NUMBER_TOKEN,
      numbers: [number(NUMBER, '+62 811-0000-0077'), number(OTHER_NUMBER, '+62 811-0000-0078')],
      templates: TEMPLATES,
    });
  });
  afterAll(() => sim.meta.close());
  beforeEach(() => sim.meta.simulator.sends.reset());

  it('accepts an image header by link with the URL button’s suffix at its index (string or number)', async () => {
    const link = image({ link: 'https://cdn.toko.example/k.jpg' });
    expect((await send(sim.meta, katalog([link, bodyText('Budi'), urlButton('1', 'budi')]), options)).status).toBe(200);
    expect((await send(sim.meta, katalog([link, bodyText('Budi'), urlButton(1, 'budi')]), options)).status).toBe(200);
  });

  it.each([
    ['the URL button’s suffix left out', [bodyText('Budi')], 132000],
    ['a suffix sent as a coupon', [bodyText('Budi'), { ...couponButton('X'), index: '1' }], 132012],
    ['an empty suffix', [bodyText('Budi'), urlButton('1', ' ')], 132018],
    [
      'a parameter for the quick reply at index 0',
      [bodyText('Budi'), urlButton('0', 'x'), urlButton('1', 'y')],
      132000,
    ],
    ['a button index the template does not have', [bodyText('Budi'), urlButton('1', 'x'), urlButton('5', 'y')], 131009],
    ['a button without an index', [bodyText('Budi'), { type: 'button', sub_type: 'url', parameters: [] }], 131008],
  ])('refuses %s with Meta’s code', async (_what, rest, code) => {
    const components = [image({ link: 'https://cdn.toko.example/k.jpg' }), ...(rest as unknown[])];
    const answer = await send(sim.meta, katalog(components), options);
    expect([answer.status, answer.body.error?.code]).toEqual([400, code]);
  });

  it('accepts a coupon in its copy-code button and refuses one missing or longer than 15 characters', async () => {
    expect((await send(sim.meta, kupon([bodyText('HEMAT25'), couponButton('HEMAT25')]), options)).status).toBe(200);
    expect((await send(sim.meta, kupon([bodyText('HEMAT25')]), options)).body.error.code).toBe(132000);
    const long = await send(sim.meta, kupon([bodyText('x'), couponButton('KODE-TERLALU-PANJANG')]), options);
    expect(long.body.error.code).toBe(131009);
  });

  it('takes an uploaded media id only on the number it was uploaded for, and counts uploads per number', async () => {
    const uploaded = await upload(sim, NUMBER, NUMBER_TOKEN);
    expect(uploaded.status).toBe(200);
    const withId = katalog([image({ id: uploaded.id! }), bodyText('Budi'), urlButton('1', 'budi')]);
    expect((await send(sim.meta, withId, options)).status).toBe(200);
    const elsewhere = await send(sim.meta, withId, { phone: OTHER_NUMBER, token: NUMBER_TOKEN });
    expect(elsewhere.body.error.code).toBe(131053);
    const unknown = katalog([image({ id: '1000000000000000' }), bodyText('Budi'), urlButton('1', 'budi')]);
    expect((await send(sim.meta, unknown, options)).body.error.code).toBe(131053);
    expect(Object.fromEntries(sim.meta.simulator.sends.mediaUploads)).toEqual({ [NUMBER]: 1 });
    const counted = (await (await fetch(`${sim.meta.url}/__simulator/meta/media`)).json()) as unknown;
    expect(counted).toEqual({ uploads: { [NUMBER]: 1 } });
    // The first WABA's number is untouched by this one's uploads.
    expect(sim.meta.simulator.sends.mediaUploads.get(PHONE_NUMBER_ID)).toBeUndefined();
  });
});
