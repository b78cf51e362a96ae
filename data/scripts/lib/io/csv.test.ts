import { describe, expect, it } from "vitest";
import { formatCsv, formatCsvField, parseCsv, parseCsvLine } from "./csv.ts";

describe("parseCsvLine", () => {
  it.each([
    ['530102,"五华区",5301,53', ["530102", "五华区", "5301", "53"]],
    ["a,,c", ["a", "", "c"]],
    ['"x, y","say ""hi"""', ["x, y", 'say "hi"']],
    ["", [""]],
  ])("%s", (line, expected) => {
    expect(parseCsvLine(line)).toEqual(expected);
  });

  it("rejects an unterminated quote", () => {
    expect(() => parseCsvLine('a,"b')).toThrow(/Unterminated/);
  });
});

describe("parseCsv", () => {
  it("keys records by header and ignores a trailing newline", () => {
    expect(parseCsv('code,name\n530102,"五华区"\n')).toEqual([{ code: "530102", name: "五华区" }]);
  });

  it("rejects rows with the wrong number of fields", () => {
    expect(() => parseCsv("a,b\n1,2,3\n")).toThrow(/Expected 2 fields/);
  });
});

describe("formatCsv", () => {
  it.each([
    ["五华区", "五华区"],
    ["a,b", '"a,b"'],
    ['a"b', '"a""b"'],
  ])("field %s", (value, expected) => {
    expect(formatCsvField(value)).toBe(expected);
  });

  it("writes header, rows and a trailing newline", () => {
    const rows = [{ code: "1", name: "x" }];
    expect(formatCsv(["code", "name"], rows)).toBe("code,name\n1,x\n");
  });
});
