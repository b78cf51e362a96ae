import { describe, expect, it } from "vitest";
import { sniff } from "./sniff.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("what a file is", () => {
  it.each([
    ["a.geojson", bytes('{"type":"FeatureCollection"'), { format: "geojson" }],
    ["a.json", bytes("\ufeff [ {"), { format: "geojson" }],
    ["a.zip", new Uint8Array([0x50, 0x4b, 3, 4]), { format: "zip" }],
    ["a.xlsx", new Uint8Array([0x50, 0x4b, 3, 4]), { format: "xlsx" }],
    ["a.kmz", new Uint8Array([0x50, 0x4b, 3, 4]), { format: "kmz" }],
    ["a.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), { format: "xls" }],
    ["a.shp", new Uint8Array([0, 0, 0x27, 0x0a]), { format: "shp" }],
    ["a.shx", new Uint8Array([0, 0, 0x27, 0x0a]), { format: "shx" }],
    ["a.dbf", new Uint8Array([3, 126, 1, 1]), { format: "dbf" }],
    ["a.csv", bytes("名称,经度,纬度"), { format: "csv" }],
    ["a.kml", bytes('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">'), { format: "kml" }],
    ["a.json", bytes("<!DOCTYPE html><html>"), { unreadable: "file-html" }],
    ["a.geojson", bytes("  <html><body>"), { unreadable: "file-html" }],
    ["a.geojson", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { unreadable: "file-image", kind: "PNG" }],
    ["a.geojson", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), { unreadable: "file-image", kind: "JPEG" }],
    ["a.docx.exe", bytes("MZ"), { unreadable: "file-unknown-format" }],
  ])("%s starting %j is %j", (name, head, expected) => {
    expect(sniff(name, head, head.length)).toEqual(expected);
  });

  it("calls an empty file empty, whatever its name", () => {
    expect(sniff("a.geojson", new Uint8Array(), 0)).toEqual({ unreadable: "file-empty" });
  });
});
