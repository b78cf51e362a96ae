// The datasets this installation serves (public/data/datasets.json), for the header's switch. An
// optional file: without it the header offers no switch and the app opens ?data= as always.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "./fetch-json.ts";

const catalogueSchema = z.object({
  datasets: z.array(z.object({ manifest: z.string().min(1), name: z.string().min(1), nameEn: z.string().min(1).optional() })),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueEntry = Catalogue["datasets"][number];

export const CATALOGUE_URL = "data/datasets.json";

export function catalogueQuery(url: string = CATALOGUE_URL) {
  return queryOptions({
    queryKey: ["catalogue", url],
    queryFn: async ({ signal }): Promise<Catalogue> => catalogueSchema.parse(await fetchJson(url, signal)),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
