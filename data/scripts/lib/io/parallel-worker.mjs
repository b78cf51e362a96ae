// Worker-thread entry: Node does not run TypeScript itself, so register tsx first, then load the
// worker proper. (A worker started with `--import tsx` in execArgv does not get the hooks on Node 20.)
import { register } from "tsx/esm/api";

register();
await import("./parallel-worker.ts");
