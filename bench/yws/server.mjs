// y-websocket's server as `npx y-websocket` runs it (@y/websocket-server, HOST and PORT from the
// environment), for bench/docs.py; with `node --expose-gc`, SIGUSR2 makes a full collection and
// prints the memory then as a JSON line (RSS alone says little: V8 gives memory back when it likes).
import './node_modules/@y/websocket-server/src/server.js';

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ rss: m.rss, heap: m.heapUsed + m.external }) + '\n');
});
