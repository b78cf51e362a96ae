import { afterAll, afterEach, beforeAll } from "vitest";
import { setupServer } from "msw/node";
import { publicFileHandler, requestCounts } from "./handlers.ts";

export const server = setupServer(publicFileHandler);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  requestCounts.clear();
});
afterAll(() => server.close());
