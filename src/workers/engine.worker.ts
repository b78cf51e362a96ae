// Worker entry: exposes the engine over Comlink.
import { expose } from "comlink";
import { createEngine } from "./engine-api.ts";

expose(createEngine());
