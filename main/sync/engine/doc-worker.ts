// A document worker thread (plain Node). Never imports electron. Never opens the store.
// Takes whole-document jobs from pool.ts on its port, answers each in order, and bumps the shared
// counter so the main thread, waiting synchronously inside its transaction, wakes up.
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { runDocJob, type DocJob } from './doc-work';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

port.on('message', (job: DocJob) => {
  port.postMessage(runDocJob(job));
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
