// Saving an export: a real download (the snapshot script waits for it) with a readable file name.

/** "五华区党建工作地图-a4-landscape-150.pdf": the title without characters file systems refuse. */
export function exportFileName(title: string, suffix: string, extension: "png" | "pdf"): string {
  const printable = Array.from(title, (character) => ((character.codePointAt(0) ?? 0) < 0x20 ? " " : character)).join("");
  const safe =
    printable
      .replace(/[\\/:*?"<>|]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 80) || "map";
  return `${safe}-${suffix}.${extension}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after this call returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
