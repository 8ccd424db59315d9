// The part of fontkit (pdfkit's own font engine) that the PDF helper uses; fontkit ships no types.
declare module 'fontkit' {
  /** A parsed font; pdfkit takes it as a font source and subsets it when the document ends. */
  export interface Font {
    readonly postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: unknown, ...rest: unknown[]): unknown;
  }
  /** A TrueType or OpenType collection: several fonts in one file. */
  export interface FontCollection {
    readonly fonts: Font[];
  }
  /** Parses TTF, OTF, WOFF and WOFF2 bytes. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
