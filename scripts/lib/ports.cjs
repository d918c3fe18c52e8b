/**
 * Port selection for `npm start`: use the documented port when it is free, otherwise the next free one,
 * so a second checkout or a busy 3000 does not stop the demo from starting.
 * Plain CommonJS so it runs before dependencies are installed and from jest.
 */
const net = require('node:net');

/** Resolves true when nothing listens on host:port (checked by binding it briefly). */
function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/**
 * The first free port in [preferred, preferred + attempts), skipping `taken` (ports already handed out
 * to another service of this launch but not bound yet).
 */
async function firstFreePort(preferred, { host = '127.0.0.1', attempts = 50, taken = [] } = {}) {
  for (let port = preferred; port < preferred + attempts && port <= 65535; port++) {
    if (taken.includes(port)) continue;
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(`No free port in ${preferred}-${preferred + attempts - 1} on ${host}`);
}

module.exports = { isPortFree, firstFreePort };
