// What a reader's first search fetches from a built pagefind/ folder, computed from the files
// without a browser (for the side-by-side benchmark, which builds sites too large to serve and
// query in the time it has). Pagefind's index files are gzip-compressed CBOR after a "pagefind_dcd"
// signature; the decoder below reads the subset of CBOR Pagefind writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export type Cbor = number | bigint | string | Uint8Array | boolean | null | undefined | Cbor[] | Map<Cbor, Cbor>;

/** Decodes one CBOR item (RFC 8949: integers, strings, arrays, maps, tags skipped, simple values, floats). */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error(`CBOR: indefinite or reserved length (${info}) at byte ${at - 1}`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error('CBOR: unexpected end');
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const n = length(info);
        const slice = bytes.subarray(at, at + n);
        at += n;
        return major === 2 ? slice : new TextDecoder().decode(slice);
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let n = length(info); n > 0; n--) map.set(item(), item());
        return map;
      }
      case 6:
        length(info);
        return item();
      default: {
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        if (info === 25) throw new Error('CBOR: half floats are not supported');
        const value = info === 26 ? view.getFloat32(at) : info === 27 ? view.getFloat64(at) : Number.NaN;
        if (Number.isNaN(value) && info !== 26 && info !== 27) throw new Error(`CBOR: simple value ${info} not supported`);
        at += info === 26 ? 4 : 8;
        return value;
      }
    }
  };
  return item();
}

const SIGNATURE = 'pagefind_dcd';

/** A Pagefind index file (.pf_meta, .pf_index) decoded: gunzip, check the signature, decode the CBOR after it. */
export function readPagefindFile(compressed: Uint8Array): Cbor {
  const raw = gunzipSync(compressed);
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`not a Pagefind index file (no ${SIGNATURE} signature)`);
  return decodeCbor(raw.subarray(SIGNATURE.length));
}

/** The parts of Pagefind's meta file the first query needs: page hashes in index order, and the index chunks' word ranges. */
export interface PagefindMeta {
  pages: string[];
  chunks: { from: string; to: string; hash: string }[];
}

/** Reads the decoded meta file: [version, pages [[hash, words, …]], chunks [[from, to, hash]], …]. */
export function pagefindMeta(decoded: Cbor): PagefindMeta {
  if (!Array.isArray(decoded) || !Array.isArray(decoded[1]) || !Array.isArray(decoded[2])) throw new Error('Pagefind meta: not [version, pages, chunks, …]');
  return {
    pages: decoded[1].map((page) => String((page as Cbor[])[0])),
    chunks: decoded[2].map((chunk) => {
      const [from, to, hash] = chunk as Cbor[];
      return { from: String(from), to: String(to), hash: String(hash) };
    }),
  };
}

/**
 * The chunks a search for `word` loads: those whose [from, to] range holds it or a word it begins
 * (Pagefind matches prefixes). Compared by code unit, as Pagefind sorts (not by locale: "✓x" < "data").
 */
export function chunksFor(meta: PagefindMeta, word: string): PagefindMeta['chunks'] {
  return meta.chunks.filter((c) => c.to >= word && (c.from <= word || c.from.startsWith(word)));
}

/**
 * The page numbers (into the meta's page list) an index chunk lists for `word` and the words it
 * begins: [[[word, [[page, locations…], …], …], …], …]. Each word's page numbers are stored as
 * differences from the previous one (a word's list repeats a value, and the sums reach exactly the
 * last page), so they are added up.
 */
export function pagesFor(decodedChunk: Cbor, word: string): number[] {
  if (!Array.isArray(decodedChunk) || !Array.isArray(decodedChunk[0])) throw new Error('Pagefind index chunk: not [[words…], …]');
  const pages: number[] = [];
  for (const entry of decodedChunk[0] as Cbor[][]) {
    if (!String(entry[0]).startsWith(word)) continue;
    let page = 0;
    for (const packed of entry[1] as Cbor[][]) pages.push((page += Number(packed[0])));
  }
  return [...new Set(pages)];
}

/** Bytes as a browser receives them: index files and wasm are stored gzipped; pagefind.js and the entry gzip -9. */
function compressedSize(file: string): number {
  const body = readFileSync(file);
  return body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body, { level: 9 }).length;
}

/**
 * The compressed bytes of a first search for `word` in the pagefind/ folder `dir`, and the number of
 * files: pagefind.js, pagefind-entry.json, the language's wasm and meta, the index chunks the word
 * maps to and the fragments of the first `pagesLoaded` pages it is found on (Starlight's search box
 * loads five results first, ours PAGES_PER_BATCH; which pages Pagefind ranks first is not reproduced,
 * fragments are of similar size).
 * Approximate: filter files, if any, and the search UI's own files are not counted.
 */
export function firstQueryBytes(dir: string, word: string, pagesLoaded = 5): { bytes: number; files: number } {
  const { meta, files } = runtimeFiles(dir);
  const pages: number[] = [];
  for (const chunk of chunksFor(meta, word.toLowerCase())) {
    const file = path.join(dir, 'index', `${chunk.hash}.pf_index`);
    files.push(file);
    pages.push(...pagesFor(readPagefindFile(readFileSync(file)), word.toLowerCase()));
  }
  for (const page of [...new Set(pages)].slice(0, pagesLoaded)) files.push(path.join(dir, 'fragment', `${meta.pages[page]}.pf_fragment`));
  return { bytes: files.reduce((sum, file) => sum + compressedSize(file), 0), files: files.length };
}

/** The files every first search loads (pagefind.js, the entry, the language's wasm and meta), and the meta read. */
function pagefindLanguages(dir: string): Record<string, { hash: string; wasm?: string }> {
  return (JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; wasm?: string }> }).languages;
}

/** The files every search in one language's index loads (the first language's when none is named), and its meta. */
function runtimeFiles(dir: string, name?: string): { meta: PagefindMeta; files: string[] } {
  const languages = pagefindLanguages(dir);
  const language = name === undefined ? Object.values(languages)[0] : languages[name];
  if (!language) throw new Error(`${dir}/pagefind-entry.json: no language${name ? ` ${name}` : ''}`);
  const metaFile = path.join(dir, `pagefind.${language.hash}.pf_meta`);
  const meta = pagefindMeta(readPagefindFile(readFileSync(metaFile)));
  return { meta, files: [path.join(dir, 'pagefind.js'), path.join(dir, 'pagefind-entry.json'), path.join(dir, `wasm.${language.wasm ?? 'unknown'}.pagefind`), metaFile] };
}

/**
 * The most any first search in the pagefind/ folder `dir` can fetch, whatever its words: the files
 * every search loads, every index chunk (a question's words may fall in all of them) and the
 * `pagesLoaded` largest fragments. A bound over the whole index, where a measured question is one case.
 */
export function largestFirstQueryBytes(dir: string, pagesLoaded: number, language?: string): { bytes: number; files: number } {
  const { meta, files } = runtimeFiles(dir, language);
  for (const chunk of meta.chunks) files.push(path.join(dir, 'index', `${chunk.hash}.pf_index`));
  const fragments = meta.pages.map((hash) => compressedSize(path.join(dir, 'fragment', `${hash}.pf_fragment`))).sort((a, b) => b - a);
  const largest = fragments.slice(0, pagesLoaded);
  return { bytes: files.reduce((sum, file) => sum + compressedSize(file), 0) + largest.reduce((sum, size) => sum + size, 0), files: files.length + largest.length };
}


/** largestFirstQueryBytes for each language's index (a translated site has one per `<html lang>`). */
export function largestFirstQueryBytesByLanguage(dir: string, pagesLoaded: number): Record<string, { bytes: number; files: number }> {
  return Object.fromEntries(Object.keys(pagefindLanguages(dir)).map((language) => [language, largestFirstQueryBytes(dir, pagesLoaded, language)]));
}
