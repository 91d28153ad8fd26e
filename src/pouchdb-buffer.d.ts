// @types/pouchdb-core declares a global `interface Buffer extends Uint8Array` of its own. Merged
// with Node's `Buffer<TArrayBuffer> extends Uint8Array<TArrayBuffer>`, it makes every Buffer's
// `buffer` an `ArrayBufferLike`, so no Buffer is assignable to `Uint8Array` any more (TypeScript's
// lib says `Uint8Array#slice()` returns a `Uint8Array<ArrayBuffer>`): `Buffer.concat(buffers)` or
// `brotliDecompressSync(buffer)` would not type-check. This restores what Node's own types say.
interface Buffer<TArrayBuffer extends ArrayBufferLike = ArrayBufferLike> {
	readonly buffer: TArrayBuffer;
}
