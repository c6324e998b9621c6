// Worker threads cannot load TypeScript by themselves on Node 20 (`--import tsx` in execArgv fails with
// ERR_UNKNOWN_FILE_EXTENSION), so each worker starts here, registers tsx, then loads its entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
