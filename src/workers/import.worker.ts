import { expose } from "comlink";
import { importApi } from "./import-api.ts";

expose(importApi);
