import {
  type ScaleLinear,
  type ScaleLogarithmic,
  type ScaleTime,
  scaleLinear,
  scaleLog,
  scaleUtc,
} from "d3-scale";
import { FIGURE_FONT_FAMILY } from "./fonts.js";
import { escapeXml, px, svgText } from "./svg.js";
import { estimateTextWidthPx } from "./text-metrics.js";
import { DEFAULT_TICK_COUNT, linearTicks, logTicks, type TickValue } from "./ticks.js";
import { utcTicks } from "./time-ticks.js";

/** The data rectangle of a plot, figure pixels (integers keep 1 px lines crisp). */
export interface PlotArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type AxisSide = "left" | "right" | "bottom" | "top";

/** A tick placed on the figure: `position` is x (bottom/top) or y (left/right) in pixels. */
export interface AxisTick {
  readonly position: number;
  readonly label: string;
  readonly minor: boolean;
}

export interface AxisStyle {
  readonly label?: string;
  /** Grid lines across the plot at the major ticks (returned apart, to draw under the data). */
  readonly grid?: boolean;
  /** Tick labels, px (default 12). */
  readonly fontSizePx?: number;
  /** Axis label, px (default 13). */
  readonly labelFontSizePx?: number;
}

export interface AxisDrawing {
  /** Ticks, tick labels and the axis label. */
  readonly svg: string;
  /** Grid lines (empty without `grid`). */
  readonly gridSvg: string;
  /** How far the axis reaches out from the plot edge, px: the margin it needs. */
  readonly extentPx: number;
}

// matplotlib's defaults at 100 dpi: major ticks 3.5 pt long, minor 2 pt, label pad 3.5 pt,
// axis label pad 4 pt (rcParams xtick.major.size, xtick.minor.size, xtick.major.pad,
// axes.labelpad), 1 pt = 100/72 px.
const MAJOR_TICK_PX = 5;
const MINOR_TICK_PX = 3;
const TICK_PAD_PX = 5;
const LABEL_PAD_PX = 6;
/** DejaVu Sans ascent of digits and capitals (0.73 em) and descent (0.24 em), for placing text. */
const ASCENT_EM = 0.76;
const DESCENT_EM = 0.24;

/** Centre of the pixel that holds `position`, so a 1 px line covers exactly that pixel. */
function snap(position: number): number {
  return Math.floor(position) + 0.5;
}

function isVertical(side: AxisSide): boolean {
  return side === "left" || side === "right";
}

/**
 * Drops labels that would touch the previous kept label (the tick stays, unlabelled): a tick
 * list made for a long axis then still reads on a short colorbar.
 */
function visibleLabels(side: AxisSide, ticks: readonly AxisTick[], fontSizePx: number): boolean[] {
  const positions = ticks.map((tick) => tick.position);
  const order = positions
    .map((_, i) => i)
    .sort((a, b) => (positions[a] as number) - (positions[b] as number));
  const keep = ticks.map(() => false);
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const tick = ticks[i] as AxisTick;
    if (tick.label === "") continue;
    const half = isVertical(side)
      ? fontSizePx * 0.5
      : estimateTextWidthPx(tick.label, fontSizePx) / 2;
    const gap = isVertical(side) ? fontSizePx * 0.25 : fontSizePx * 0.6;
    if (tick.position - half < lastEnd + gap) continue;
    keep[i] = true;
    lastEnd = tick.position + half;
  }
  return keep;
}

/** The plot's frame: a 1 px black rectangle just outside the data area (matplotlib's spines). */
export function plotFrameSvg(plot: PlotArea): string {
  return `<rect x="${px(plot.x - 0.5)}" y="${px(plot.y - 0.5)}" width="${plot.width + 1}" height="${plot.height + 1}" fill="none" stroke="#000000" stroke-width="1"/>`;
}

/**
 * Draws an axis from ticks already placed in pixels: outward ticks from the frame, labels
 * (colliding ones dropped), and the axis label (rotated to read bottom to top on the sides).
 * Ticks outside the plot edge are skipped.
 */
export function axisSvg(
  side: AxisSide,
  plot: PlotArea,
  ticks: readonly AxisTick[],
  style: AxisStyle = {},
): AxisDrawing {
  const fontSizePx = style.fontSizePx ?? 12;
  const labelFontSizePx = style.labelFontSizePx ?? 13;
  const vertical = isVertical(side);
  const low = vertical ? plot.y : plot.x;
  const high = vertical ? plot.y + plot.height : plot.x + plot.width;
  const inside = ticks.filter((tick) => tick.position >= low - 0.5 && tick.position <= high + 0.5);
  const keep = visibleLabels(side, inside, fontSizePx);
  // The frame line sits one pixel outside the data; ticks start on it and point outward.
  const edge =
    side === "left"
      ? plot.x - 1
      : side === "right"
        ? plot.x + plot.width + 1
        : side === "top"
          ? plot.y - 1
          : plot.y + plot.height + 1;
  const outward = side === "left" || side === "top" ? -1 : 1;
  let path = "";
  let grid = "";
  let labels = "";
  let widestPx = 0;
  inside.forEach((tick, i) => {
    const at = snap(tick.position);
    const length = (tick.minor ? MINOR_TICK_PX : MAJOR_TICK_PX) * outward;
    path += vertical ? `M${px(edge)} ${px(at)}h${length}` : `M${px(at)} ${px(edge)}v${length}`;
    if (style.grid === true && !tick.minor) {
      grid += vertical
        ? `M${plot.x} ${px(at)}h${plot.width}`
        : `M${px(at)} ${plot.y}v${plot.height}`;
    }
    if (!keep[i]) return;
    const offset = MAJOR_TICK_PX + TICK_PAD_PX;
    widestPx = Math.max(widestPx, estimateTextWidthPx(tick.label, fontSizePx));
    if (side === "left" || side === "right") {
      const x = side === "left" ? edge - offset : edge + offset;
      const anchor = side === "left" ? "end" : "start";
      labels += svgText(x, tick.position + fontSizePx * 0.36, tick.label, {
        sizePx: fontSizePx,
        anchor,
      });
    } else {
      const y =
        side === "bottom"
          ? edge + offset + fontSizePx * ASCENT_EM
          : edge - offset - fontSizePx * DESCENT_EM;
      labels += svgText(tick.position, y, tick.label, { sizePx: fontSizePx, anchor: "middle" });
    }
  });
  const labelled = keep.some((kept) => kept);
  const tickBandPx =
    MAJOR_TICK_PX + 1 + (labelled ? TICK_PAD_PX + (vertical ? widestPx : fontSizePx) : 0);
  let extentPx = tickBandPx;
  let axisLabel = "";
  if (style.label !== undefined && style.label !== "") {
    const middle = (low + high) / 2;
    const towardPlot = side === "left" || side === "top" ? DESCENT_EM : ASCENT_EM;
    const away = side === "left" || side === "top" ? ASCENT_EM : DESCENT_EM;
    const baselineOffset = tickBandPx + LABEL_PAD_PX + towardPlot * labelFontSizePx;
    extentPx = baselineOffset + away * labelFontSizePx;
    const base = side === "left" || side === "top" ? -1 : 1;
    // `edge` is one pixel outside the plot; the offsets are measured from the plot edge.
    const at = edge + base * (baselineOffset - 1);
    axisLabel = vertical
      ? svgText(at, middle, style.label, {
          sizePx: labelFontSizePx,
          anchor: "middle",
          rotateDeg: -90,
        })
      : svgText(middle, at, style.label, { sizePx: labelFontSizePx, anchor: "middle" });
  }
  const svg =
    `<g font-family="${escapeXml(FIGURE_FONT_FAMILY)}">` +
    (path === "" ? "" : `<path d="${path}" stroke="#000000" stroke-width="1" fill="none"/>`) +
    labels +
    axisLabel +
    "</g>";
  const gridSvg =
    grid === "" ? "" : `<path d="${grid}" stroke="#b0b0b0" stroke-width="0.8" fill="none"/>`;
  return { svg, gridSvg, extentPx };
}

export interface ScaleAxisOptions extends AxisStyle {
  readonly side: AxisSide;
  readonly plot: PlotArea;
  /** Roughly how many ticks (d3's `ticks(count)`); default 6. */
  readonly tickCount?: number;
}

export interface ScaleAxis<Scale> extends AxisDrawing {
  /** Maps data values to figure pixels along the axis (y grows downward on the sides). */
  readonly scale: Scale;
  readonly ticks: readonly AxisTick[];
}

function pixelRange(side: AxisSide, plot: PlotArea): [number, number] {
  return isVertical(side) ? [plot.y + plot.height, plot.y] : [plot.x, plot.x + plot.width];
}

function place(values: readonly TickValue[], toPixel: (value: number) => number): AxisTick[] {
  return values.map((tick) => ({
    position: toPixel(tick.value),
    label: tick.label,
    minor: tick.minor,
  }));
}

/** A linear axis; `tickFormat` replaces the default labels (e.g. to wrap longitudes). */
export function linearAxis(
  options: ScaleAxisOptions & {
    readonly domain: readonly [number, number];
    readonly tickFormat?: (value: number) => string;
  },
): ScaleAxis<ScaleLinear<number, number>> {
  const [lower, upper] = options.domain;
  const scale = scaleLinear().domain([lower, upper]).range(pixelRange(options.side, options.plot));
  const values = linearTicks(
    Math.min(lower, upper),
    Math.max(lower, upper),
    options.tickCount ?? DEFAULT_TICK_COUNT,
  );
  const format = options.tickFormat;
  const relabelled =
    format === undefined ? values : values.map((tick) => ({ ...tick, label: format(tick.value) }));
  const ticks = place(relabelled, scale);
  return { scale, ticks, ...axisSvg(options.side, options.plot, ticks, options) };
}

/** A log axis: decades labelled, sub-decades as minor ticks (see `logTicks`). */
export function logAxis(
  options: ScaleAxisOptions & { readonly domain: readonly [number, number] },
): ScaleAxis<ScaleLogarithmic<number, number>> {
  const [lower, upper] = options.domain;
  const values = logTicks(
    Math.min(lower, upper),
    Math.max(lower, upper),
    options.tickCount ?? DEFAULT_TICK_COUNT,
  );
  const scale = scaleLog().domain([lower, upper]).range(pixelRange(options.side, options.plot));
  const ticks = place(values, scale);
  return { scale, ticks, ...axisSvg(options.side, options.plot, ticks, options) };
}

/**
 * A UTC time axis over [startMs, endMs]. The label defaults to "Time (UTC)" and gets the date
 * the tick labels leave out: "Time (UTC), 2011-01-06".
 */
export function timeAxis(
  options: ScaleAxisOptions & { readonly domainMs: readonly [number, number] },
): ScaleAxis<ScaleTime<number, number>> {
  const [startMs, endMs] = options.domainMs;
  const { ticks: values, dateText } = utcTicks(
    startMs,
    endMs,
    options.tickCount ?? DEFAULT_TICK_COUNT,
  );
  const scale = scaleUtc()
    .domain([new Date(startMs), new Date(endMs)])
    .range(pixelRange(options.side, options.plot));
  const ticks = place(values, scale);
  const base = options.label ?? "Time (UTC)";
  const label = dateText === "" ? base : `${base}, ${dateText}`;
  return { scale, ticks, ...axisSvg(options.side, options.plot, ticks, { ...options, label }) };
}
