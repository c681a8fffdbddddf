import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { InvalidArgumentError } from "./errors.js";
import { reviveWorkerError, type WorkerErrorRecord } from "./worker-error.js";

/** Message from a worker: the result of one task, or the error it threw. */
export type WorkerReply<Result> =
  | { readonly id: number; readonly ok: true; readonly result: Result }
  | { readonly id: number; readonly ok: false; readonly error: WorkerErrorRecord };

export interface WorkerPoolOptions {
  /** Compiled worker entry point (see `workerScriptUrl`); it calls `serveWorkerTasks`. */
  readonly script: URL;
  /** Number of threads; default: the machine's available parallelism. */
  readonly size?: number;
  /** Passed to every worker once (`workerData`), e.g. a composition plan. */
  readonly workerData?: unknown;
}

export interface WorkerPool<Task, Result> {
  readonly size: number;
  /** Runs one task on the next free worker; `transfer` moves buffers instead of copying. */
  run(task: Task, transfer?: readonly ArrayBuffer[]): Promise<Result>;
  /** Stops every worker; pending tasks reject. */
  close(): Promise<void>;
}

interface Pending<Result> {
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

interface Queued<Task> {
  readonly id: number;
  readonly task: Task;
  readonly transfer: readonly ArrayBuffer[];
}

/** Default pool size: one thread per core the process may use. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A fixed set of worker threads fed from one queue. Tasks are independent and results go back
 * to the caller's promise, so the order in which workers finish never shows in the output.
 */
export function createWorkerPool<Task, Result>(
  options: WorkerPoolOptions,
): WorkerPool<Task, Result> {
  const size = options.size ?? defaultWorkerCount();
  if (!Number.isInteger(size) || size < 1) {
    throw new InvalidArgumentError(
      "size",
      `a worker pool needs a positive integer size, got ${size}`,
    );
  }
  const pending = new Map<number, Pending<Result>>();
  const queue: Queued<Task>[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, number>();
  let nextId = 0;
  let failure: unknown;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Queued<Task>;
      busy.set(worker, job.id);
      worker.postMessage({ id: job.id, task: job.task }, [...job.transfer]);
    }
  };

  const failAll = (error: unknown): void => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    queue.length = 0;
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(options.script, { workerData: options.workerData });
    worker.on("message", (reply: WorkerReply<Result>) => {
      busy.delete(worker);
      idle.push(worker);
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.result);
      else waiter?.reject(reviveWorkerError(reply.error));
      dispatch();
    });
    worker.on("error", (error) => failAll(error));
    worker.on("exit", (code) => {
      if (code !== 0 && failure === undefined) {
        failAll(new Error(`a worker thread exited with code ${code} while tasks were pending`));
      }
    });
    idle.push(worker);
    return worker;
  });

  return {
    size,
    run(task, transfer = []) {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<Result>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        queue.push({ id, task, transfer });
        dispatch();
      });
    },
    async close() {
      failure ??= new Error("the worker pool was closed");
      for (const waiter of pending.values()) waiter.reject(failure);
      pending.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
