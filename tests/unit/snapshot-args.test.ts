// The snapshot command's arguments: views given as links or bare query/hash, and clear errors
// for a bad preset, view, format or output path.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSnapshotArgs, SnapshotUsageError, splitView } from "../../scripts/lib/snapshot-args.ts";

const exists = (path: string) => path === resolve("out") || path === resolve(".");
const parse = (...argv: string[]) => parseSnapshotArgs(argv, exists);

describe("snapshot arguments", () => {
  it("defaults to the app's default view on an A4 sheet, format from the file name", () => {
    expect(parse("--out", "out/map.png")).toEqual({
      search: "?snapshot=a4-landscape-150&format=png",
      hash: "",
      preset: "a4-landscape-150",
      format: "png",
      atlas: null,
      out: resolve("out/map.png"),
      viewport: { width: 1440, height: 900 },
      build: true,
      timeoutMs: 900_000,
    });
  });

  it("takes the query and hash of a full permalink, dropping an old snapshot request", () => {
    const options = parse(
      "--view",
      "http://10.0.0.5:4173/?lang=en&snapshot=slide-1920#map=12/25.04/102.7&layers=streets,stations",
      "--preset",
      "a3-landscape-300",
      "--out",
      "out/pack.pdf",
      "--no-build",
    );
    expect(options.search).toBe("?lang=en&snapshot=a3-landscape-300&format=pdf");
    expect(options.hash).toBe("#map=12/25.04/102.7&layers=streets,stations");
    expect(options.build).toBe(false);
  });

  it.each([
    ["?lang=en#map=12/25.04/102.7", "lang=en", "map=12/25.04/102.7"],
    ["#map=12/25.04/102.7&sel=districts:530102", "", "map=12/25.04/102.7&sel=districts%3A530102"],
    ["map=12/25.04/102.7&lang=en&cb=gridAssigned", "lang=en", "map=12/25.04/102.7&cb=gridAssigned"],
    ["", "", ""],
  ])("splits %s", (view, query, hash) => {
    const split = splitView(view);
    expect(split.query.toString()).toBe(query);
    expect(split.hash.toString().replaceAll("%2F", "/")).toBe(hash);
  });

  it("makes an atlas of counties for a prefecture", () => {
    expect(parse("--view", "#sel=prefectures:5301", "--atlas", "districts", "--out", "out/kunming.pdf")).toMatchObject({
      atlas: "districts",
      search: "?snapshot=a4-landscape-150&format=pdf&atlas=districts",
    });
  });

  it("makes an atlas a PDF", () => {
    const options = parse("--view", "#sel=districts:530102", "--atlas", "streets", "--out", "out/atlas.pdf");
    expect(options).toMatchObject({
      format: "pdf",
      atlas: "streets",
      search: "?snapshot=a4-landscape-150&format=pdf&atlas=streets",
      hash: "#sel=districts:530102",
    });
  });

  it.each([
    [["--out", "out/a.png", "--preset", "a5-landscape-150"], /--preset: "a5-landscape-150" is not a preset; choose one of slide-1920/],
    [["--preset", "slide-1920"], /--out is required/],
    [["--out", "out/a.pdf", "--format", "png"], /a PNG needs a \.png file name, not "\.pdf"/],
    [["--out", "out/a", "--format", "pdf"], /a PDF needs a \.pdf file name, not "\(no extension\)"/],
    [["--out", "out/a.jpg"], /a PNG needs a \.png file name, not "\.jpg"/],
    [["--out", "missing/a.png"], /the folder .*missing does not exist/],
    [["--out", "out/a.png", "--format", "svg"], /--format must be png or pdf, not "svg"/],
    [["--out", "out/a.pdf", "--atlas", "prefectures"], /--atlas must be districts, streets, communities, not "prefectures"/],
    [["--out", "out/a.png", "--atlas", "streets", "--format", "png"], /multi-page PDF/],
    [["--out", "out/a.png", "--view", "#map=99/25/102.7"], /map must be zoom\/latitude\/longitude/],
    [["--out", "out/a.png", "--view", "#sel=nowhere"], /sel must be <layer>:<code>/],
    [["--out", "out/a.png", "--view", "?lang=fr"], /lang must be zh or en/],
    [["--out", "out/a.png", "--view", "file:///etc/passwd"], /only http\(s\) links/],
    [["--out", "out/a.png", "--viewport", "big"], /--viewport must be WIDTHxHEIGHT/],
    [["--out", "out/a.png", "--colour", "red"], /Unknown option '--colour'/],
  ])("refuses %j", (argv, message) => {
    expect(() => parse(...argv)).toThrow(SnapshotUsageError);
    expect(() => parse(...argv)).toThrow(message);
  });
});
