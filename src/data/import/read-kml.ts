// KML and KMZ (zipped KML, as Google Earth and 奥维 save them) through @tmcw/togeojson. Workers
// have no DOMParser, so the XML is parsed by @xmldom/xmldom in both the browser worker and node.
import { kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import type { ReportBuilder } from "./report.ts";
import { columnsOf, type RawFeature, type RawSource } from "./source.ts";
import { decodeText } from "./text.ts";

export function readKml(file: string, bytes: Uint8Array, report: ReportBuilder): RawSource | null {
  const text = decodeText(bytes).text;
  let features: RawFeature[];
  try {
    const errors: string[] = [];
    const document = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(text, "text/xml");
    if (errors.length > 0) throw new Error(errors[0]);
    const collection = kml(document as unknown as Document);
    features = collection.features.map((feature, index) => ({ geometry: feature.geometry, properties: { ...feature.properties }, index }));
  } catch (error) {
    report.error("file-kml-broken", file, { params: { reason: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) } });
    return null;
  }
  // KML styling properties are not data.
  for (const feature of features)
    for (const key of Object.keys(feature.properties))
      if (/^(stroke|fill|styleUrl|styleHash|styleMapHash|icon|visibility|description)/.test(key)) delete feature.properties[key];
  return { file, featureKind: "feature", features, columns: columnsOf(features) };
}
