// Setup for the jsdom project: unmount React trees between tests and run MSW with the real
// public/ files; any request without a handler fails the test.
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { server } from "./msw.ts";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => cleanup());
afterAll(() => server.close());
