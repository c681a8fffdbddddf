// Runs inside a worker thread so that a reader that hangs can be terminated by the test.
// It loads the compiled library from dist/ (built by `npm test`'s pretest step).
import { parentPort, workerData } from "node:worker_threads";

const { describeFile } = await import(
  new URL("../../dist/formats/describe-file.js", import.meta.url)
);
const { isAurorakitError } = await import(new URL("../../dist/core/errors.js", import.meta.url));

parentPort.on("message", async (path) => {
  try {
    await describeFile(path);
    parentPort.postMessage({ outcome: "decoded" });
  } catch (error) {
    parentPort.postMessage(
      isAurorakitError(error)
        ? { outcome: "typed-error", tag: error.tag }
        : {
            outcome: "untyped-error",
            name: error?.name,
            message: String(error?.message ?? error),
            stack: String(error?.stack ?? ""),
          },
    );
  }
});
parentPort.postMessage({ outcome: "ready", workerData });
