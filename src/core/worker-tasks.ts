import { parentPort, workerData } from "node:worker_threads";
import { recordWorkerError } from "./worker-error.js";
import type { WorkerReply } from "./worker-pool.js";

export interface TaskOutput<Result> {
  readonly result: Result;
  /** Buffers moved (not copied) back to the pool. */
  readonly transfer?: readonly ArrayBuffer[];
}

/**
 * Inside a worker entry point: answers each task the pool sends with `handle`'s result, or with
 * the error it threw (recorded so the pool rebuilds its class). `setup` runs once with the
 * pool's `workerData` and returns the task handler.
 */
export function serveWorkerTasks<Task, Result, Data>(
  setup: (data: Data) => (task: Task) => TaskOutput<Result> | Promise<TaskOutput<Result>>,
): void {
  const port = parentPort;
  if (port === null) throw new Error("serveWorkerTasks must run inside a worker thread");
  const handle = setup(workerData as Data);
  port.on("message", async (message: { readonly id: number; readonly task: Task }) => {
    let reply: WorkerReply<Result>;
    let transfer: readonly ArrayBuffer[] = [];
    try {
      const output = await handle(message.task);
      reply = { id: message.id, ok: true, result: output.result };
      transfer = output.transfer ?? [];
    } catch (error) {
      reply = { id: message.id, ok: false, error: recordWorkerError(error) };
    }
    port.postMessage(reply, [...transfer]);
  });
}
