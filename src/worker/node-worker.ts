/** The simulation worker in Node: the same API as the browser's, over a worker_threads port. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimApi } from './api';

if (!parentPort) throw new Error('node-worker.ts must run in a worker thread');
expose(createSimApi(), nodeEndpoint(parentPort));
