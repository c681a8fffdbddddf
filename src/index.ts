// The public entry of the aurorakit library. A test snapshots this export list: every change
// to it is a reviewed change to the API. (Biome keeps the statements sorted by module path.)

export type { Keogram, KeogramImager, KeogramOptions } from "./analysis/keogram/keogram.js";
export { keogram } from "./analysis/keogram/keogram.js";
export { DEFAULT_PATH_MAX_DISTANCE_KM } from "./analysis/keogram/path-pixels.js";
export type {
  ArrayPlugin,
  DataFileRef,
  FetchFileOptions,
  FrameGeometry,
  FramePixels,
  ImagerFrame,
  ImageSource,
  SkymapFinder,
  SourceContext,
} from "./arrays/array-plugin.js";
export type { Orientation } from "./arrays/orientation.js";
export { orientFrame } from "./arrays/orientation.js";
export { ArrayRegistry, defaultArrayRegistry, findSite } from "./arrays/registry.js";
export { regoArray } from "./arrays/rego.js";
export type { SiteInfo } from "./arrays/site.js";
export { siteCatalogue } from "./arrays/site.js";
export { readSkymapFile } from "./arrays/skymap/read-skymap.js";
export type { AltitudeSkymap, Skymap, SkymapSite } from "./arrays/skymap/skymap.js";
export { skymapAtAltitude } from "./arrays/skymap/skymap.js";
export type { SkymapChoice, SkymapFileName } from "./arrays/skymap/skymap-file-name.js";
export { chooseSkymap, parseSkymapFileName } from "./arrays/skymap/skymap-file-name.js";
export type { SkymapLayout } from "./arrays/skymap/upstream-skymaps.js";
export { upstreamSkymaps } from "./arrays/skymap/upstream-skymaps.js";
export type { BerkeleyL1Layout } from "./arrays/sources/berkeley-l1-cdf.js";
export { berkeleyL1Cdf } from "./arrays/sources/berkeley-l1-cdf.js";
export type { Stream0Layout } from "./arrays/sources/ucalgary-stream0.js";
export { ucalgaryStream0 } from "./arrays/sources/ucalgary-stream0.js";
export type { FisheyeSkymapOptions } from "./arrays/synthetic/lens-skymap.js";
export { fisheyeSkymap } from "./arrays/synthetic/lens-skymap.js";
export type { SyntheticScene } from "./arrays/synthetic/scene.js";
export { syntheticScene } from "./arrays/synthetic/scene.js";
export { renderSyntheticFrame, SyntheticRenderer } from "./arrays/synthetic/sky-model.js";
export type { SyntheticArrayOptions } from "./arrays/synthetic/synthetic-array.js";
export {
  SYNTHETIC_SITES,
  SyntheticNetwork,
  syntheticArray,
} from "./arrays/synthetic/synthetic-array.js";
export type {
  UpstreamLayout,
  WriteSyntheticUpstreamOptions,
} from "./arrays/synthetic/write-upstream-tree.js";
export { writeSyntheticUpstream } from "./arrays/synthetic/write-upstream-tree.js";
export { themisArray } from "./arrays/themis.js";
export { trexBlueArray } from "./arrays/trex-blue.js";
export { trexNirArray } from "./arrays/trex-nir.js";
export type { ByteSource } from "./core/byte-source.js";
export { fileSource, memorySource } from "./core/byte-source.js";
export type { Limiter } from "./core/concurrency.js";
export { createLimiter, mapConcurrent } from "./core/concurrency.js";
export type {
  AurorakitConfig,
  ConfigOverrides,
  ResolveConfigOptions,
  UpstreamName,
} from "./core/config.js";
export { DEFAULT_UPSTREAM_URLS, resolveConfig } from "./core/config.js";
export type { DType, NumericDType, NumericTypedArray, TypedArrayByDType } from "./core/dtype.js";
export { allocate, BYTES_PER_ELEMENT, scalarsPerElement } from "./core/dtype.js";
export type { AurorakitErrorTag, FormatErrorDetails, NetworkErrorDetails } from "./core/errors.js";
export {
  AurorakitError,
  FormatError,
  InvalidArgumentError,
  isAurorakitError,
  NetworkError,
  NotFoundError,
  UnsupportedError,
} from "./core/errors.js";
export type { AnyNDArray, NDArray, StringNDArray } from "./core/ndarray.js";
export { elementCount } from "./core/ndarray.js";
export type {
  ProgressOutcome,
  ProgressReporter,
  ProgressTask,
  ProgressUnit,
} from "./core/progress.js";
export { silentReporter } from "./core/progress.js";
export {
  CDF_EPOCH_FILL,
  CDF_EPOCH_OF_UNIX_EPOCH_MS,
  cdfEpoch16ToUnixMs,
  cdfEpochToUnixMs,
  TT2000_FILL,
  TT2000_PAD,
  tt2000ToUnixMs,
  unixMsToCdfEpoch,
  unixMsToTt2000,
} from "./core/time/cdf-epochs.js";
export type { LeapSecondEntry } from "./core/time/leap-seconds.js";
export { LEAP_SECOND_TABLE, taiMinusUtcS } from "./core/time/leap-seconds.js";
export { parseTimeMs, parseTimeRange } from "./core/time/parse-time.js";
export { formatIsoMicroseconds, parseUcalgaryTimestamp } from "./core/time/ucalgary-timestamp.js";
export type {
  CdfAttribute,
  CdfAttributeEntry,
  CdfAttributeValue,
  CdfTypeRef,
} from "./formats/cdf/attributes.js";
export { CdfFile, openCdf } from "./formats/cdf/cdf-file.js";
export type { CdfCompressionInfo, CdfCompressionName } from "./formats/cdf/decompress.js";
export { attributeEntryValue, describeCdf } from "./formats/cdf/describe.js";
export type { CdfEncodingInfo } from "./formats/cdf/encoding.js";
export { epochValuesToUnixMs, readTimeVariableUnixMs } from "./formats/cdf/epoch-arrays.js";
export type {
  CdfBatchOptions,
  CdfBlockInfo,
  CdfPadValue,
  CdfRecordBatch,
  CdfRecordRange,
  CdfVariableInfo,
} from "./formats/cdf/types.js";
export type { CdfSparseMode } from "./formats/cdf/vdr.js";
export type { CdfAttributeEntry as CdfWriteAttributeEntry } from "./formats/cdf/write/index.js";
// The writer's barrel is its curated list; its CdfAttributeEntry is shadowed by the reader's
// (explicit exports win over `export *`) and published as CdfWriteAttributeEntry (the line above).
export * from "./formats/cdf/write/index.js";
export { describeFile } from "./formats/describe-file.js";
export type {
  AttributeValue,
  DescribedArray,
  FileDescription,
  FileFormat,
} from "./formats/description.js";
export type { Detection, Wrapper } from "./formats/detect.js";
export { detectFormat } from "./formats/detect.js";
export { describeHdf5 } from "./formats/hdf5/describe.js";
export type { Hdf5Input } from "./formats/hdf5/h5wasm-session.js";
export type { UcalgaryHdf5Data, UcalgaryHdf5Options } from "./formats/hdf5/ucalgary.js";
export { readUcalgaryHdf5 } from "./formats/hdf5/ucalgary.js";
export * from "./formats/idlsav/index.js";
export type { IdlWriteValue } from "./formats/idlsav/write/index.js";
export { idlNumeric, idlString, idlStruct, writeIdlSave } from "./formats/idlsav/write/index.js";
export type { InspectedArray, InspectReport } from "./formats/inspect.js";
export { inspectDescription, inspectFile } from "./formats/inspect.js";
export type { PgmCompression } from "./formats/pgm/decompress.js";
export { detectPgmCompression } from "./formats/pgm/decompress.js";
export { describePgm } from "./formats/pgm/describe.js";
export type { PgmFrame, PgmReadOptions } from "./formats/pgm/frames.js";
export { pgmFrames } from "./formats/pgm/frames.js";
export type { PgmInput } from "./formats/pgm/input.js";
export type { PgmMetadataEntry } from "./formats/pgm/metadata.js";
export type { PgmFrameInfo, PgmStack } from "./formats/pgm/read.js";
export { readPgm, readPgmFrames } from "./formats/pgm/read.js";
export type { PgmFrameInput } from "./formats/pgm/write/encode-pgm.js";
export { encodeUcalgaryPgm, formatUcalgaryTimestamp } from "./formats/pgm/write/encode-pgm.js";
export type { DecodedPng } from "./formats/png/decode.js";
export { decodePng, PNG_MAX_PIXEL_BYTES } from "./formats/png/decode.js";
export { describePng } from "./formats/png/describe.js";
export type { EncodePngOptions } from "./formats/png/encode.js";
export { encodePng } from "./formats/png/encode.js";
export type { ArraySummary } from "./formats/summary.js";
export { sha256LittleEndian, summarize } from "./formats/summary.js";
export { type AacgmMethod, type AacgmOptions, aacgmToGeo, geoToAacgm } from "./geo/aacgm/aacgm.js";
export { AacgmConverter, createAacgmConverter } from "./geo/aacgm/converter.js";
export { type GroundBtrace, groundBtrace } from "./geo/aacgm/ground-btrace.js";
export {
  MLT_REFERENCE_ALTITUDE_KM,
  magneticLocalTime,
  mlonFromMlt,
  mltFromReference,
  mltReferenceLongitudeDeg,
} from "./geo/aacgm/mlt.js";
export { AacgmTracer, aacgmToGeoTrace, geoToAacgmTrace } from "./geo/aacgm/trace-mode.js";
export type {
  AacgmBatchOutput,
  AacgmConverterOptions,
  AacgmPoint,
  AacgmPointOptions,
  GeographicBatchOutput,
  GeographicPoint,
} from "./geo/aacgm/types.js";
export { wrap360Deg, wrapLongitudeDeg } from "./geo/angles.js";
export type { SurfacePoint } from "./geo/great-circle.js";
export {
  destinationPoint,
  greatCircleDistanceKm,
  initialBearingDeg,
  MEAN_EARTH_RADIUS_KM,
} from "./geo/great-circle.js";
export { decimalYearFromTimeMs, timeMsFromDecimalYear } from "./geo/igrf/decimal-year.js";
export { type IgrfOptions, igrf, igrfGeocentric, type MagneticField } from "./geo/igrf/igrf.js";
export {
  IGRF_REFERENCE_RADIUS_KM,
  IgrfModel,
  type IgrfModelOptions,
  igrfModel,
} from "./geo/igrf/igrf-model.js";
export type { Enu, LookAngles } from "./geo/look-angles.js";
export {
  aerToEnuInto,
  enuToAerInto,
  LocalFrame,
  lookAngles,
  lookAnglesInto,
} from "./geo/look-angles.js";
export type { LookPoint, LookSite } from "./geo/look-to-altitude.js";
export {
  LookObserver,
  lookToAltitude,
  lookToAltitudeEcef,
  lookToAltitudeInto,
} from "./geo/look-to-altitude.js";
export type { FovOutlineOptions } from "./geo/skymap/fov-outline.js";
export { fovOutline } from "./geo/skymap/fov-outline.js";
export type { NearestPixel, PixelIndexOptions, PixelQuery } from "./geo/skymap/pixel-index.js";
export {
  buildPixelIndex,
  nearestPixel,
  nearestPixelsInto,
  PixelIndex,
} from "./geo/skymap/pixel-index.js";
export type { AreaShape, MappedCentres } from "./geo/skymap/pixels-in-area.js";
export { pixelsInArea } from "./geo/skymap/pixels-in-area.js";
export type { LatLonGrid, MappedSkymapGrids, SkymapLooks } from "./geo/skymap/reproject.js";
export { mapPixelCentres, mapSkymapAtAltitude } from "./geo/skymap/reproject.js";
export {
  type SolarCoordinates,
  type SubsolarPoint,
  solarCoordinates,
  solarElevationDeg,
  subsolarPoint,
} from "./geo/sun.js";
export {
  type DipoleEquatorCrossing,
  DipoleEquatorTracer,
  emptyCrossing,
  traceToDipoleEquator,
} from "./geo/trace/dipole-equator.js";
export { type DipoleFrame, dipoleFrame } from "./geo/trace/dipole-frame.js";
export {
  dipoleFieldFunction,
  type FieldFunction,
  igrfFieldFunction,
} from "./geo/trace/field-function.js";
export type { TraceFailure, TracerOptions, TraceStatus } from "./geo/trace/field-line-tracer.js";
export {
  conjugatePoint,
  createFootprintTracer,
  emptyFootprint,
  type Footprint,
  type FootprintHemisphere,
  type FootprintOptions,
  FootprintTracer,
  traceFootprint,
} from "./geo/trace/footprint.js";
export {
  ecefToGeodetic,
  enuBasis,
  geodeticToEcef,
  WGS84_A_M,
  WGS84_B_M,
  WGS84_E2,
  WGS84_F,
} from "./geo/wgs84.js";
export type { SiteAvailability } from "./imager/availability.js";
export { availability } from "./imager/availability.js";
export type { DownloadResult } from "./imager/download.js";
export { downloadRange } from "./imager/download.js";
export type { ImagerMeta, LoadedFrames } from "./imager/imager.js";
export { Imager } from "./imager/imager.js";
export type { ImagerOptions } from "./imager/open-imager.js";
export { openImager, rego, themis, trexBlue, trexNir } from "./imager/open-imager.js";
export type { AccessOptions } from "./imager/source-context.js";
export { createSourceContext } from "./imager/source-context.js";
export type { ImagerWhen, TimeInput } from "./imager/time-input.js";
export type { Colorizer, ColorizerOptions, Rgba } from "./render/color/colorizer.js";
export { colorizeU16, createColorizer, TRANSPARENT } from "./render/color/colorizer.js";
export type { ColormapName, ColormapTable } from "./render/color/colormap.js";
export { COLORMAP_NAMES, COLORMAP_SIZE, colormap } from "./render/color/colormap.js";
export type { Norm, Normalizer, NormBounds, NormName } from "./render/color/norm.js";
export { createNormalizer, lutIndex, toNorm } from "./render/color/norm.js";
export type { ColorBounds, PercentileOptions } from "./render/color/percentile-bounds.js";
export {
  autoColorBounds,
  histogramQuantile,
  histogramU16,
  percentileBounds,
} from "./render/color/percentile-bounds.js";
export type { ChannelBounds, RgbBounds } from "./render/color/stretch-rgb.js";
export { stretchRgb } from "./render/color/stretch-rgb.js";
export type { DataCacheOptions, FetchOptions, UpstreamFile } from "./sources/data-cache.js";
export { DataCache } from "./sources/data-cache.js";
export type { ListingEntry } from "./sources/directory-listing.js";
export { parseDirectoryListing } from "./sources/directory-listing.js";
export type { Upstream } from "./sources/upstream.js";
export { upstreamUrl } from "./sources/upstream.js";
