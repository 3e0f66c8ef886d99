// The sync worker thread (plain Node). Never imports electron. Never opens the store.
// Gets a round's plan (this laptop's keys, the team keys, the roster, the case keys it holds and
// what to send), does the folder work and all the crypto, and posts back what to apply.
import { parentPort } from 'node:worker_threads';
import { FolderUnavailable, runExchange, type RoundPlan } from './exchange';

parentPort?.on('message', (plan: RoundPlan) => {
  try {
    parentPort!.postMessage({ ok: true, result: runExchange(plan) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, folder: error instanceof FolderUnavailable });
  }
});
