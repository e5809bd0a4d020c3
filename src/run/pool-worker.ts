// The module piscina loads in each worker thread; it only binds the task to the worker's setup.
import { workerData } from "piscina";
import type { RawInput } from "../ingest/types.js";
import { createWorkerTask, type WorkerSetup } from "./worker.js";

const task = createWorkerTask(workerData as WorkerSetup);

export default function run(input: RawInput) {
  return task(input);
}
