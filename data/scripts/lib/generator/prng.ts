/**
 * Seeded pseudo-random numbers. Every district draws from its own stream, keyed by
 * hash(seed, districtCode), so regenerating one district never disturbs another and the same
 * seed always gives byte-identical output. Math.random is never used by the generator.
 */

import { mulberry32 } from "../../../../src/domain/random.ts";

/** 32-bit FNV-1a over the UTF-16 code units, finished with a murmur3 mix for better spread. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Hashes a list of keys (seed, codes, purpose) into one 32-bit stream seed. */
export function hashKeys(...keys: readonly (string | number)[]): number {
  return hashString(keys.map(String).join("\u001f"));
}

/** A uniform number in [0, 1) derived from keys alone, for global deterministic rankings. */
export function hashUnit(...keys: readonly (string | number)[]): number {
  return hashKeys(...keys) / 4294967296;
}

/** A seeded random stream with the few distributions the generator needs. */
export class Random {
  private readonly source: () => number;

  constructor(seed: number) {
    this.source = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.source();
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.source();
  }

  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.source() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.source() * items.length)] as T;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.source() * total;
    for (const [value, weight] of entries) {
      threshold -= weight;
      if (threshold < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  /** Standard normal by Box-Muller (one value per call keeps the stream simple to reason about). */
  normal(mean = 0, deviation = 1): number {
    const u = 1 - this.source();
    const v = this.source();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space deviation, clamped to [min, max]. */
  logNormal(median: number, sigma: number, min: number, max: number): number {
    const value = median * Math.exp(this.normal(0, sigma));
    return Math.min(max, Math.max(min, value));
  }

  /** Fisher-Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.source() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/** The stream for one purpose within one scope, e.g. createRandom(seed, "530102", "streets"). */
export function createRandom(...keys: readonly (string | number)[]): Random {
  return new Random(hashKeys(...keys));
}

/** A uniformly drawn day from `from` to `to`, both included. */
export function isoDate(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
  return new Date(start + random.int(0, days) * 86_400_000).toISOString().slice(0, 10);
}
