import type { Keogram } from "../../analysis/keogram/keogram.js";
import { InvalidArgumentError } from "../../core/errors.js";
import { wrapLongitudeDeg } from "../../geo/angles.js";
import type { ImagerMeta } from "../../imager/imager.js";
import { createColorizer } from "../color/colorizer.js";
import type { ColormapName, ColormapTable } from "../color/colormap.js";
import type { Norm, NormName } from "../color/norm.js";
import {
  type AxisTick,
  axisSvg,
  linearAxis,
  type PlotArea,
  plotFrameSvg,
  timeAxis,
} from "../figure/axes.js";
import { drawColorbar } from "../figure/colorbar.js";
import { embeddedImageSvg } from "../figure/embedded-image.js";
import { checkFigureSize } from "../figure/figure-size.js";
import { FIGURE_FONT_FAMILY } from "../figure/fonts.js";
import { svgDocument, svgText } from "../figure/svg.js";
import { type KeogramYAxis, keogramYAxis } from "./keogram-axis.js";
import { type KeogramColoring, keogramRaster } from "./keogram-raster.js";
import { magneticLatitudeTicks } from "./magnetic-ticks.js";

export interface KeogramFigureOptions {
  /** Ignored for RGB keograms, which are contrast-stretched per channel (asilib.md §4.3). */
  readonly colormap: ColormapName | ColormapTable;
  readonly norm: Norm | NormName;
  /** Colour bounds in the keogram's units (counts). */
  readonly lower: number;
  readonly upper: number;
  /** Figure size, px (default 1000 x 420). */
  readonly width?: number;
  readonly height?: number;
  /** e.g. from `keogramTitle(imager.meta, imager.startMs)`. */
  readonly title?: string;
  /** AACGM latitude on the right axis; default: when the keogram has magnetic latitudes. */
  readonly magneticAxis?: boolean;
  /**
   * The y coordinate. Default: longitude when every pixel comes from one image row (an
   * ewogram), latitude otherwise (a meridian keogram or a path).
   */
  readonly yAxis?: "latitude" | "longitude";
  readonly colorbarLabel?: string;
}

const TITLE_FONT_PX = 15;
const COLORBAR_WIDTH_PX = 14;
const COLORBAR_GAP_PX = 14;
const EDGE_PAD_PX = 8;

/** asilib's keogram title, "2011-01-06 | THEMIS GAKO keogram" (asilib.md §4.6). */
export function keogramTitle(
  meta: Pick<ImagerMeta, "arrayLabel" | "site">,
  startMs: number,
): string {
  const date = new Date(startMs).toISOString().slice(0, 10);
  return `${date} | ${meta.arrayLabel} ${meta.site.toUpperCase()} keogram`;
}

function defaultYAxis(keogram: Keogram): "latitude" | "longitude" {
  const { rows } = keogram;
  if (rows.length < 2) return "latitude";
  for (let k = 1; k < rows.length; k++) if (rows[k] !== rows[0]) return "latitude";
  return "longitude";
}

function coloringOf(keogram: Keogram, options: KeogramFigureOptions): KeogramColoring {
  if (keogram.channels === 1) {
    return {
      kind: "colormap",
      colorizer: createColorizer({
        norm: options.norm,
        lower: options.lower,
        upper: options.upper,
        colormap: options.colormap,
      }),
    };
  }
  if (keogram.channels === 3) {
    if (!(Number.isFinite(options.lower) && Number.isFinite(options.upper))) {
      throw new InvalidArgumentError("bounds", "an RGB keogram needs finite lower and upper");
    }
    if (!(options.lower < options.upper)) {
      throw new InvalidArgumentError(
        "bounds",
        `lower must be below upper, got ${options.lower} and ${options.upper}`,
      );
    }
    return { kind: "rgb", lower: options.lower, upper: options.upper };
  }
  throw new InvalidArgumentError(
    "keogram",
    `it has ${keogram.channels} channels; figures draw 1 (colormap) or 3 (RGB)`,
  );
}

/** Unwrapped ewogram longitudes back in [-180, 180), the antimeridian written as 180. */
function longitudeLabel(valueDeg: number): string {
  const wrapped = Math.round(wrapLongitudeDeg(valueDeg) * 1000) / 1000;
  return wrapped === -180 ? "180" : String(wrapped).replace("-", "\u2212");
}

/** What stays the same in both layout passes. */
interface FrameRequest {
  readonly keogram: Keogram;
  readonly options: KeogramFigureOptions;
  readonly yAxis: KeogramYAxis;
  readonly kind: "latitude" | "longitude";
  readonly showMagnetic: boolean;
  /** Drawn time range: the first slot's start to the last slot's end, ms since 1970 UTC. */
  readonly startMs: number;
  readonly endMs: number;
  /** Tick counts from the figure size, so both passes pick the same ticks. */
  readonly yTickCount: number;
  readonly timeTickCount: number;
}

interface Parts {
  readonly svg: string;
  readonly leftPx: number;
  readonly rightPx: number;
  readonly bottomPx: number;
}

/** Everything around the plot for a given plot rectangle, and the margins it takes. */
function drawFrame(plot: PlotArea, request: FrameRequest): Parts {
  const { keogram, options, yAxis, kind } = request;
  const low = yAxis.edgesDeg[0] as number;
  const high = yAxis.edgesDeg[yAxis.edgesDeg.length - 1] as number;
  const left = linearAxis({
    side: "left",
    plot,
    domain: [low, high],
    label: kind === "latitude" ? "Geographic latitude (°)" : "Geographic longitude (°)",
    tickCount: request.yTickCount,
    ...(kind === "longitude" && { tickFormat: longitudeLabel }),
  });
  const bottom = timeAxis({
    side: "bottom",
    plot,
    domainMs: [request.startMs, request.endMs],
    tickCount: request.timeTickCount,
  });
  let svg = plotFrameSvg(plot) + left.svg + bottom.svg;
  let rightPx = 0;
  if (request.showMagnetic && keogram.magneticLatitudeDeg !== undefined) {
    const ticks: AxisTick[] = magneticLatitudeTicks(
      yAxis,
      keogram.magneticLatitudeDeg,
      request.yTickCount,
    ).map((tick) => ({ position: left.scale(tick.value), label: tick.label, minor: false }));
    const right = axisSvg("right", plot, ticks, { label: "AACGM latitude (°)" });
    svg += right.svg;
    rightPx = right.extentPx;
  }
  if (keogram.channels === 1) {
    const colorbar = drawColorbar({
      x: plot.x + plot.width + rightPx + COLORBAR_GAP_PX,
      y: plot.y,
      width: COLORBAR_WIDTH_PX,
      height: plot.height,
      orientation: "vertical",
      colormap: options.colormap,
      norm: options.norm,
      lower: options.lower,
      upper: options.upper,
      label: options.colorbarLabel ?? "Counts",
    });
    svg += colorbar.svg;
    rightPx += COLORBAR_GAP_PX + COLORBAR_WIDTH_PX + colorbar.extentPx;
  }
  return { svg, leftPx: left.extentPx, rightPx, bottomPx: bottom.extentPx };
}

/**
 * A keogram as an SVG document: time (UTC) across, geographic latitude (or longitude for an
 * ewogram) up, each pixel drawn over the band between the midpoints to its neighbours; slots
 * without a frame hatched grey; optional AACGM latitude axis on the right; colorbar; title.
 * The image is resampled to the plot's pixels (nearest slot and pixel band), so the document
 * stays small whatever the keogram's length.
 */
export function keogramFigure(keogram: Keogram, options: KeogramFigureOptions): string {
  const { width, height } = checkFigureSize(options.width ?? 1000, options.height ?? 420);
  const kind = options.yAxis ?? defaultYAxis(keogram);
  const showMagnetic = options.magneticAxis ?? keogram.magneticLatitudeDeg !== undefined;
  if (showMagnetic && keogram.magneticLatitudeDeg === undefined) {
    throw new InvalidArgumentError(
      "magneticAxis",
      "the keogram has no magnetic latitudes; build it with keogram(imager, { magnetic: true })",
    );
  }
  if (showMagnetic && kind === "longitude") {
    throw new InvalidArgumentError(
      "magneticAxis",
      "the magnetic latitude axis goes with a latitude axis; pass yAxis: 'latitude' or magneticAxis: false",
    );
  }
  const coloring = coloringOf(keogram, options);
  const yAxis = keogramYAxis(
    kind === "latitude" ? keogram.latitudeDeg : keogram.longitudeDeg,
    kind,
  );
  const title = options.title ?? "";
  const top = title === "" ? EDGE_PAD_PX + 4 : EDGE_PAD_PX + Math.ceil(TITLE_FONT_PX * 1.6);
  const cadenceMs = keogram.cadenceS * 1000;
  const request: FrameRequest = {
    keogram,
    options,
    yAxis,
    kind,
    showMagnetic,
    startMs: (keogram.timesMs[0] as number) - cadenceMs / 2,
    endMs: (keogram.timesMs[keogram.timesMs.length - 1] as number) + cadenceMs / 2,
    yTickCount: Math.max(3, Math.round((height - 100) / 50)),
    timeTickCount: Math.max(3, Math.round((width - 250) / 110)),
  };
  // Two passes: measure the margins around a provisional plot, then draw around the final one.
  const provisional = {
    x: 80,
    y: top,
    width: Math.max(100, width - 300),
    height: Math.max(100, height - top - 60),
  };
  const measured = drawFrame(provisional, request);
  const x = Math.ceil(measured.leftPx) + EDGE_PAD_PX;
  const plot: PlotArea = {
    x,
    y: top,
    width: width - x - Math.ceil(measured.rightPx) - EDGE_PAD_PX,
    height: height - top - Math.ceil(measured.bottomPx) - EDGE_PAD_PX,
  };
  if (plot.width < 20 || plot.height < 20) {
    throw new InvalidArgumentError(
      "figure size",
      `${width}x${height} px leaves no room for the keogram inside its axes; make it larger`,
    );
  }
  const frame = drawFrame(plot, request);
  const rgba = keogramRaster(keogram, {
    widthPx: plot.width,
    heightPx: plot.height,
    startMs: request.startMs,
    endMs: request.endMs,
    yAxis,
    coloring,
  });
  const image = embeddedImageSvg({
    ...plot,
    rgba,
    imageWidth: plot.width,
    imageHeight: plot.height,
  });
  const titleSvg =
    title === ""
      ? ""
      : `<g font-family="${FIGURE_FONT_FAMILY}">${svgText(plot.x + plot.width / 2, EDGE_PAD_PX + TITLE_FONT_PX * 0.9, title, { sizePx: TITLE_FONT_PX, anchor: "middle" })}</g>`;
  return svgDocument(
    width,
    height,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${titleSvg}${image}${frame.svg}`,
  );
}
