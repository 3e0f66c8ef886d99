// Main process (plain Node). Never imports electron.
// Worker threads for the Automerge side of whole-document work (team creation builds every case's
// document; a joining laptop loads every snapshot), so the main thread writes SQL meanwhile. The
// callers stay synchronous, inside their one SQL transaction: jobs are posted ahead, and results
// are taken in the order given, waiting on a shared counter (Atomics.wait) when one is not ready.
// Without the built worker file (tests from source), or for a small batch, the same work runs in
// this thread (doc-work.ts), one job at a time as it is taken.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { builtWorkerFile } from '../worker-file';
import { runDocJob, type DocJob, type DocResult } from './doc-work';

/** Below this many jobs, starting workers (each loads Automerge's WASM) costs more than it saves. */
const MIN_JOBS = 200;
/** Jobs posted ahead of the one being taken: enough to keep the workers busy, bounded in memory. */
export const AHEAD = 64;
/**
 * A worker that has answered nothing for this long (it could not start, e.g. its file would not load
 * in a packaged app, or it stopped) is given up: this job and every later one run in this thread,
 * from the copies kept here. The work is the same pure function either way, so only time is lost.
 */
export const STALL_MS = 15_000;

export class DocWorkError extends Error {}

interface Lane {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

export interface DocPool {
  submit(job: DocJob): void;
  /** The result of the oldest job not yet taken. */
  take(): DocResult;
  close(): void;
}

/** The same work in this thread, done when taken. */
function inThread(): DocPool {
  const queue: DocJob[] = [];
  return {
    submit: (job) => void queue.push(job),
    take: () => runDocJob(queue.shift()!),
    close: () => void queue.splice(0),
  };
}

/** A pool over the given worker script (a file, or source with eval), exported for its test. */
export function workerPool(file: string | URL, size: number, eval_ = false, stallMs = STALL_MS): DocPool {
  const lanes: Lane[] = [];
  for (let i = 0; i < size; i += 1) {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(file, { eval: eval_, workerData: { port: port2, signal }, transferList: [port2] });
    worker.unref();
    // A worker that fails to start says so on an event this thread may never get to while it waits.
    worker.on('error', () => undefined);
    lanes.push({ worker, port: port1, signal });
  }
  /** Jobs posted and not yet taken, kept in case the workers are given up. */
  const waiting: DocJob[] = [];
  let submitted = 0;
  let taken = 0;
  let givenUp = false;
  const close = () => {
    for (const lane of lanes) {
      lane.port.close();
      void lane.worker.terminate();
    }
  };
  return {
    submit(job) {
      waiting.push(job);
      submitted += 1;
      if (givenUp) return;
      lanes[(submitted - 1) % lanes.length]!.port.postMessage(job);
    },
    take() {
      if (taken >= submitted) throw new DocWorkError('No document job is waiting.');
      const job = waiting.shift()!;
      const lane = lanes[taken % lanes.length]!;
      taken += 1;
      if (givenUp) return runDocJob(job);
      const deadline = Date.now() + stallMs;
      for (;;) {
        const seen = Atomics.load(lane.signal, 0);
        const message = receiveMessageOnPort(lane.port);
        if (message) return message.message as DocResult;
        if (Date.now() > deadline) {
          givenUp = true;
          close();
          return runDocJob(job);
        }
        Atomics.wait(lane.signal, 0, seen, Math.min(1000, stallMs));
      }
    },
    close,
  };
}

/**
 * Workers when the built worker exists and the batch is large enough; this thread otherwise.
 * mainBusy: the main thread has as much to do as the workers (a join writes every row), so one
 * worker per other core; otherwise (team creation only reads rows) one per core.
 */
export function docPool(jobs: number, mainBusy: boolean): DocPool {
  const file = jobs >= MIN_JOBS ? builtWorkerFile('doc-worker') : null;
  if (!file) return inThread();
  const cores = availableParallelism();
  return workerPool(file, Math.max(1, Math.min(4, mainBusy ? cores - 1 : cores)));
}
