import { InvalidArgumentError } from "../../core/errors.js";
import { linearAxis, logAxis, type PlotArea, plotFrameSvg, timeAxis } from "../figure/axes.js";
import { checkFigureSize } from "../figure/figure-size.js";
import { FIGURE_FONT_FAMILY } from "../figure/fonts.js";
import { escapeXml, px, svgDocument, svgText } from "../figure/svg.js";
import { estimateTextWidthPx } from "../figure/text-metrics.js";
import { linePath, usable } from "./line-path.js";

export interface TimeSeries {
  readonly label: string;
  /** ms since 1970 UTC, one per value. */
  readonly timesMs: Float64Array;
  /** NaN (and, on a log axis, values ≤ 0) break the line. */
  readonly values: Float32Array | Float64Array;
  /** `#rrggbb`; default: matplotlib's tab10 cycle. */
  readonly color?: string;
}

export interface TimeSeriesFigureOptions {
  readonly series: readonly TimeSeries[];
  readonly title?: string;
  readonly yLabel: string;
  readonly yScale?: "linear" | "log";
  /** Figure size, px (default 900 x 360). */
  readonly width?: number;
  readonly height?: number;
}

/** matplotlib's default colour cycle ("tab10", rcParams axes.prop_cycle). */
const TAB10 = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
] as const;

/** matplotlib pads data limits by 5 % of the span on each side (rcParams axes.xmargin/ymargin). */
const MARGIN_FRACTION = 0.05;
const TITLE_FONT_PX = 15;
const LEGEND_FONT_PX = 12;
const EDGE_PAD_PX = 8;

interface Extent {
  timeLow: number;
  timeHigh: number;
  valueLow: number;
  valueHigh: number;
}

function dataExtent(series: readonly TimeSeries[], log: boolean): Extent {
  const extent = {
    timeLow: Number.POSITIVE_INFINITY,
    timeHigh: Number.NEGATIVE_INFINITY,
    valueLow: Number.POSITIVE_INFINITY,
    valueHigh: Number.NEGATIVE_INFINITY,
  };
  series.forEach((one, index) => {
    if (one.timesMs.length !== one.values.length) {
      throw new InvalidArgumentError(
        `series[${index}]`,
        `"${one.label}" has ${one.timesMs.length} times but ${one.values.length} values`,
      );
    }
    for (let i = 0; i < one.values.length; i++) {
      const time = one.timesMs[i] as number;
      const value = one.values[i] as number;
      if (!Number.isFinite(time) || !usable(value, log)) continue;
      extent.timeLow = Math.min(extent.timeLow, time);
      extent.timeHigh = Math.max(extent.timeHigh, time);
      extent.valueLow = Math.min(extent.valueLow, value);
      extent.valueHigh = Math.max(extent.valueHigh, value);
    }
  });
  if (!Number.isFinite(extent.timeLow)) {
    throw new InvalidArgumentError(
      "series",
      `no series has a finite${log ? ", positive" : ""} value at a finite time: nothing to plot${log ? " on a log axis" : ""}`,
    );
  }
  return extent;
}

/** Pads [low, high] by the margin (in log space for a log axis); a single value gets a span. */
function padded(low: number, high: number, log: boolean): [number, number] {
  if (log) {
    const [a, b] = padded(Math.log10(low), Math.log10(high), false);
    return [10 ** a, 10 ** b];
  }
  if (high === low) {
    const half = low === 0 ? 1 : Math.abs(low) * 0.1;
    return [low - half, high + half];
  }
  const margin = (high - low) * MARGIN_FRACTION;
  return [low - margin, high + margin];
}

function legendSvg(
  series: readonly TimeSeries[],
  colors: readonly string[],
  plot: PlotArea,
): string {
  const lineLengthPx = 24;
  const rowHeightPx = LEGEND_FONT_PX * 1.5;
  const textWidthPx = Math.max(
    ...series.map((one) => estimateTextWidthPx(one.label, LEGEND_FONT_PX)),
  );
  const boxWidth = 8 + lineLengthPx + 6 + textWidthPx + 8;
  const boxHeight = series.length * rowHeightPx + 8;
  const left = plot.x + plot.width - boxWidth - 8;
  const top = plot.y + 8;
  let svg = `<rect x="${px(left)}" y="${px(top)}" width="${px(boxWidth)}" height="${px(boxHeight)}" rx="3" fill="#ffffff" fill-opacity="0.8" stroke="#cccccc" stroke-width="1"/>`;
  series.forEach((one, index) => {
    const middle = top + 4 + (index + 0.5) * rowHeightPx;
    svg += `<path d="M${px(left + 8)} ${px(middle)}h${lineLengthPx}" stroke="${colors[index]}" stroke-width="1.5"/>`;
    svg += svgText(left + 8 + lineLengthPx + 6, middle + LEGEND_FONT_PX * 0.36, one.label, {
      sizePx: LEGEND_FONT_PX,
    });
  });
  return svg;
}

/**
 * Time series (conjunction intensities, bounding-box metrics) as an SVG document: UTC time
 * axis, linear or log y axis with grid lines, one line per series (NaN breaks it), a legend
 * when there is more than one series.
 */
export function timeSeriesFigure(options: TimeSeriesFigureOptions): string {
  const { series } = options;
  if (series.length === 0) throw new InvalidArgumentError("series", "is empty: nothing to plot");
  const { width, height } = checkFigureSize(options.width ?? 900, options.height ?? 360);
  const log = options.yScale === "log";
  const extent = dataExtent(series, log);
  const timeDomain = padded(extent.timeLow, extent.timeHigh, false);
  if (extent.timeHigh === extent.timeLow) {
    // One instant: a minute either side instead of a fraction of a millisecond.
    timeDomain[0] = extent.timeLow - 60_000;
    timeDomain[1] = extent.timeHigh + 60_000;
  }
  const valueDomain = padded(extent.valueLow, extent.valueHigh, log);
  const colors = series.map((one, index) => one.color ?? (TAB10[index % TAB10.length] as string));
  const title = options.title ?? "";
  const top = title === "" ? EDGE_PAD_PX + 6 : EDGE_PAD_PX + Math.ceil(TITLE_FONT_PX * 1.6);
  // From the figure size, not the plot's, so both layout passes pick the same ticks.
  const timeTickCount = Math.max(3, Math.round((width - 100) / 110));
  const axes = (plot: PlotArea) => {
    const yOptions = {
      side: "left" as const,
      plot,
      domain: valueDomain,
      label: options.yLabel,
      grid: true,
    };
    return {
      x: timeAxis({
        side: "bottom",
        plot,
        domainMs: timeDomain,
        grid: true,
        tickCount: timeTickCount,
      }),
      y: log ? logAxis(yOptions) : linearAxis(yOptions),
    };
  };
  // Two passes: measure the axes around a provisional plot, then fit the plot to them.
  const measured = axes({ x: 80, y: top, width: width - 100, height: height - top - 60 });
  const x = Math.ceil(measured.y.extentPx) + EDGE_PAD_PX;
  const plot: PlotArea = {
    x,
    y: top,
    width: width - x - EDGE_PAD_PX - 8,
    height: height - top - Math.ceil(measured.x.extentPx) - EDGE_PAD_PX,
  };
  if (plot.width < 20 || plot.height < 20) {
    throw new InvalidArgumentError(
      "figure size",
      `${width}x${height} px leaves no room for the plot`,
    );
  }
  const { x: xAxis, y: yAxis } = axes(plot);
  const toX = (timeMs: number) => xAxis.scale(timeMs);
  const toY = (value: number) => yAxis.scale(value);
  let lines = "";
  series.forEach((one, index) => {
    const path = linePath(one.timesMs, one.values, toX, toY, log);
    if (path !== "") {
      lines += `<path d="${path}" fill="none" stroke="${escapeXml(colors[index] as string)}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>`;
    }
  });
  const clip = `<clipPath id="plot-area"><rect x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}"/></clipPath>`;
  const titleSvg =
    title === ""
      ? ""
      : svgText(plot.x + plot.width / 2, EDGE_PAD_PX + TITLE_FONT_PX * 0.9, title, {
          sizePx: TITLE_FONT_PX,
          anchor: "middle",
        });
  const body =
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<defs>${clip}</defs>` +
    xAxis.gridSvg +
    yAxis.gridSvg +
    `<g clip-path="url(#plot-area)">${lines}</g>` +
    plotFrameSvg(plot) +
    xAxis.svg +
    yAxis.svg +
    `<g font-family="${FIGURE_FONT_FAMILY}">${titleSvg}${series.length > 1 ? legendSvg(series, colors, plot) : ""}</g>`;
  return svgDocument(width, height, body);
}
