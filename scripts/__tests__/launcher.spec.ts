/** The pure parts of `npm start`: port fallback and the banner's links. */
import { createServer, type Server } from 'node:net';

/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS helpers that run before npm install */
const { firstFreePort, isPortFree } = require('../lib/ports.cjs') as {
  isPortFree(port: number): Promise<boolean>;
  firstFreePort(preferred: number, opts?: { attempts?: number; taken?: number[] }): Promise<number>;
};
const { buildBanner, temporalUiWorkflowsUrl } = require('../lib/banner.cjs') as {
  temporalUiWorkflowsUrl(uiUrl: string, namespace: string, syncId: string): string;
  buildBanner(info: {
    graphqlUrl: string;
    temporalUiUrl?: string;
    namespace: string;
    syncId: string;
    apiKey: string;
    runId?: string;
  }): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

function listen(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

const portOf = (srv: Server): number => (srv.address() as { port: number }).port;
const close = (srv: Server): Promise<void> => new Promise((resolve) => srv.close(() => resolve()));

describe('firstFreePort', () => {
  it('returns the preferred port when nothing listens on it', async () => {
    const probe = await listen();
    const port = portOf(probe);
    await close(probe);
    await expect(firstFreePort(port)).resolves.toBe(port);
  });

  it('falls back to the next free port when the preferred one is taken', async () => {
    const busy = await listen();
    try {
      const port = portOf(busy);
      const chosen = await firstFreePort(port);
      expect(chosen).toBeGreaterThan(port);
      await expect(isPortFree(chosen)).resolves.toBe(true);
    } finally {
      await close(busy);
    }
  });

  it('skips ports already handed out in this launch', async () => {
    const probe = await listen();
    const port = portOf(probe);
    await close(probe);
    await expect(firstFreePort(port, { taken: [port] })).resolves.not.toBe(port);
  });

  it('fails with the range it tried when every port is taken', async () => {
    const busy = await listen();
    try {
      await expect(firstFreePort(portOf(busy), { attempts: 1 })).rejects.toThrow(/No free port/);
    } finally {
      await close(busy);
    }
  });
});

describe('banner', () => {
  const info = {
    graphqlUrl: 'http://127.0.0.1:3000/graphql',
    temporalUiUrl: 'http://127.0.0.1:8233',
    namespace: 'default',
    syncId: '1a7a9839-cd47-4526-9961-6d944c404970',
    apiKey: 'sl_demo',
  };

  it('links the Temporal UI filtered to the sync by its SyncId search attribute', () => {
    expect(temporalUiWorkflowsUrl(info.temporalUiUrl, 'default', info.syncId)).toBe(
      'http://127.0.0.1:8233/namespaces/default/workflows?query=SyncId%3D%221a7a9839-cd47-4526-9961-6d944c404970%22',
    );
  });

  it('shows the GraphQL URL, the demo API key, a curl call of runSync and how to stop', () => {
    const banner = buildBanner(info);
    expect(banner).toContain('http://127.0.0.1:3000/graphql');
    expect(banner).toContain("-H 'Authorization: Bearer sl_demo'");
    expect(banner).toContain(`runSync(input: { syncId: \\"${info.syncId}\\" })`);
    expect(banner).toContain('Ctrl-C to stop');
  });

  it('says how to get UI links when Temporal is external', () => {
    const banner = buildBanner({ ...info, temporalUiUrl: undefined });
    expect(banner).toContain('TEMPORAL_UI_URL');
    expect(banner).not.toContain('/namespaces/');
  });
});
