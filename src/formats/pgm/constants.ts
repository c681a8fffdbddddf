/**
 * Constants of the UCalgary multi-frame PGM files (THEMIS, REGO, TREx NIR/Blue/RGB-pgm):
 * a concatenation of Netpbm raw greymaps, one per frame, each with `#"key" value` comments.
 */

/** Format name used in FormatError messages. */
export const PGM_FORMAT = "pgm";

// Netpbm PGM specification (netpbm.sourceforge.net/doc/pgm.html), "The Format": the magic
// number of a raw (binary) greymap is the two characters "P5".
export const PGM_MAGIC_P = 0x50;
export const PGM_MAGIC_5 = 0x35;

// Netpbm PGM specification, "The Format" item 7: maxval must be at least 1 and less than 65536.
export const PGM_MIN_MAXVAL = 1;
export const PGM_MAX_MAXVAL = 65535;

// Netpbm PGM specification, "The Format" item 9: a sample is 1 byte if maxval < 256, otherwise 2 bytes,
// most significant byte first.
export const PGM_ONE_BYTE_MAXVAL_LIMIT = 256;

// Netpbm PGM specification, "The Format": header tokens are separated by ASCII whitespace
// (blanks, TABs, CRs, LFs; the C `isspace` set also includes VT and FF).
export function isPgmWhitespace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

// Netpbm PGM specification: "#" starts a comment that runs to the next CR or LF.
export const PGM_COMMENT = 0x23;
export const LINE_FEED = 0x0a;
export const CARRIAGE_RETURN = 0x0d;

/**
 * Default cap on one frame's raster, in bytes. The largest UCalgary frame is an unbinned
 * 2560x2160 16-bit TREx Blue/Zyla image (about 11 MiB, from the `CCD xsize`/`CCD ysize`
 * metadata of the TREx Blue fixture); 64 MiB leaves room while refusing absurd headers such
 * as 100000x100000 before anything is allocated. Override with `maxFrameBytes`.
 */
export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;

/**
 * Default cap on the decoded (decompressed) size of one file, in bytes. One-minute UCalgary
 * files decode to 1-30 MB (fixtures: THEMIS 2.6 MB, TREx Blue 3.5 MB); 1 GiB stops a
 * decompression bomb built from many small valid frames. Override with `maxDecodedBytes`.
 */
export const DEFAULT_MAX_DECODED_BYTES = 1024 * 1024 * 1024;

/**
 * Cap on one frame's header (magic, comments, dimensions, maxval), in bytes. UCalgary headers
 * are about 1-2 KiB (fixtures); a header that runs longer is garbage, not metadata.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

/** Header numbers longer than this many digits cannot describe an allocatable frame. */
export const MAX_NUMBER_DIGITS = 9;

/**
 * Pixel buffers up to this size are allocated as soon as the header is read; larger ones grow
 * as bytes actually arrive, so a lying header cannot force a large allocation.
 */
export const EAGER_ALLOCATION_BYTES = 16 * 1024 * 1024;

// aurorax reference section 3.5, item 5: keys that close a frame's metadata block in the
// UCalgary readers (THEMIS two spellings; REGO, TREx NIR, TREx Blue, spectrograph; TREx RGB
// pgm). The reference readers match keys that start with these strings.
export const METADATA_END_MARKERS: readonly string[] = [
  "Exposure plus initial readout",
  "Exposure duration plus readout",
  "Exposure plus readout",
  "Effective image exposure",
];

// aurorax reference section 3.5, "Timestamps": the frame time is the `Image request start`
// metadata value, formatted `%Y-%m-%d %H:%M:%S.%f UTC`.
export const TIMESTAMP_KEY = "Image request start";
