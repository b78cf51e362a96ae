// The indicators file of a tiled dataset: the engine's report computed when the tiles were built
// (scripts/tiles.ts), so the browser need not hold every polygon. Validated loosely: it is
// produced by this project's own tooling, but a stale or hand-edited file must fail clearly.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "./fetch-json.ts";
import { DataError } from "./validate.ts";

const unit = z
  .object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable() })
  .catchall(z.union([z.number(), z.string(), z.null()]));

const labelPoint = z.object({
  position: z.tuple([z.number(), z.number()]),
  name: z.string(),
  code: z.string(),
  level: z.enum(["district", "street", "community"]),
});

export const indicatorsFileSchema = z.object({
  asOf: z.string(),
  thresholds: z.object({ serviceDistanceMetres: z.number(), householdsPerWorker: z.number() }),
  city: unit,
  districts: z.array(unit),
  streets: z.array(unit),
  gapCount: z.number().int().nonnegative(),
  /** District and street label points; community labels come from the tiles themselves. */
  labels: z.array(labelPoint),
});
export type IndicatorsFile = z.infer<typeof indicatorsFileSchema>;

export function parseIndicatorsFile(file: string, json: unknown): IndicatorsFile {
  const result = indicatorsFileSchema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 20).map((issue) => ({ file, field: issue.path.join(".") || "(root)", message: issue.message }));
  throw new DataError(file, issues, result.error.issues.length);
}

export function indicatorsQuery(url: string | undefined) {
  return queryOptions({
    queryKey: ["indicators-file", url],
    enabled: url !== undefined,
    // No abort signal: a query whose signal was read is cancelled when its last observer goes,
    // and fetched again by the next one; this file is asked for by the prefetch before React
    // mounts, and read twice that way (3.5 MB at province) when the explorer's first observer
    // came and went while it loaded (a browser test counts the requests).
    queryFn: async () => {
      if (url === undefined) throw new Error("no indicators file");
      return parseIndicatorsFile(url, await fetchJson(url));
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
