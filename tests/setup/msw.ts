// The MSW server the component tests share; tests add handlers with server.use(...).
import { setupServer } from "msw/node";
import { afterEach } from "vitest";
import { publicFileHandler, requestCounts } from "./handlers.ts";

export const server = setupServer(publicFileHandler);

afterEach(() => {
  server.resetHandlers();
  requestCounts.clear();
});
