// A dataset named ?data=import:<id> is an import session kept in this browser: it is opened from
// IndexedDB into blob: URLs that the rest of the app uses like any manifest URL.
import { useQuery } from "@tanstack/react-query";
import { isSessionKey, openSession, SESSION_PREFIX, type ImportSession } from "../../data/import-session-store.ts";

export interface ResolvedDataset {
  /** The manifest URL to load; undefined while a session is being opened or when it failed. */
  manifestUrl: string | undefined;
  session: ImportSession | undefined;
  error: string | undefined;
}

export function useImportSession(dataset: string): ResolvedDataset {
  const session = isSessionKey(dataset);
  const opened = useQuery({
    queryKey: ["import-session", dataset],
    queryFn: ({ signal }) => openSession(dataset.slice(SESSION_PREFIX.length), signal),
    enabled: session,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (!session) return { manifestUrl: dataset, session: undefined, error: undefined };
  return {
    manifestUrl: opened.data?.manifestUrl,
    session: opened.data?.session,
    error: opened.error ? (opened.error instanceof Error ? opened.error.message : String(opened.error)) : undefined,
  };
}
