import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphError, MetaGraph } from './meta-graph';

/**
 * A stand-in for `GET /{waba-id}/message_templates` with Meta's cursor paging (GATEWAYS.md 1.7): one template a page,
 * `pages` pages, and `loopAfter` (when set) sends the cursor of that page again instead of moving on.
 */
function templatePages(pages: number, loopAfter?: number) {
  const seen: (string | null)[] = [];
  const server = createServer((request, response) => {
    const after = new URL(request.url!, 'http://graph').searchParams.get('after');
    seen.push(after);
    const page = after === null ? 0 : Number(after.slice('cursor-'.length)) + 1;
    const nextPage = loopAfter !== undefined && page >= loopAfter ? loopAfter : page;
    const last = page === pages - 1;
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        data: [{ id: String(page), name: `promo_${page}`, language: 'id', status: 'APPROVED', category: 'MARKETING' }],
        paging: {
          cursors: { before: `cursor-${page}`, after: `cursor-${nextPage}` },
          ...(last ? {} : { next: `https://graph.facebook.com/v25.0/1/message_templates?after=cursor-${nextPage}` }),
        },
      }),
    );
  });
  return { server, seen };
}

describe('MetaGraph.templates', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  async function graphOf(stub: { server: Server }): Promise<MetaGraph> {
    server = stub.server;
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    const { port } = stub.server.address() as AddressInfo;
    return new MetaGraph({ baseUrl: `http://127.0.0.1:${port}`, apiVersion: 'v25.0', timeoutMs: 5_000 });
  }

  it('follows paging.next to the last page, past any page count (a sync removes what was not listed)', async () => {
    const stub = templatePages(60);
    const graph = await graphOf(stub);
    let paid = 0;
    const templates = await graph.templates('token', '1', async () => {
      paid += 1;
    });
    expect(templates.map((template) => template.name)).toEqual(Array.from({ length: 60 }, (_, i) => `promo_${i}`));
    expect(paid).toBe(60);
    expect(stub.seen).toHaveLength(60);
  });

  it('fails when Meta’s paging gives a cursor twice, instead of stopping with part of the list', async () => {
    const stub = templatePages(10, 3);
    const graph = await graphOf(stub);
    await expect(graph.templates('token', '1')).rejects.toBeInstanceOf(GraphError);
    // Pages 0 to 4 are read; page 4 gives page 3's cursor again, and the listing stops there.
    expect(stub.seen).toEqual([null, 'cursor-0', 'cursor-1', 'cursor-2', 'cursor-3']);
  });

  it('stops where the budget refuses a page, with the budget’s error', async () => {
    const stub = templatePages(5);
    const graph = await graphOf(stub);
    let paid = 0;
    const refused = new Error('budget spent');
    await expect(
      graph.templates('token', '1', async () => {
        paid += 1;
        if (paid > 2) throw refused;
      }),
    ).rejects.toBe(refused);
    expect(stub.seen).toHaveLength(2);
  });
});
