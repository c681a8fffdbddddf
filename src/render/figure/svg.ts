/** Small helpers for writing SVG text: escaping, number formatting, the document wrapper. */

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/**
 * A coordinate with at most two decimals: a hundredth of a pixel is below anything a renderer
 * resolves, and shorter numbers keep map paths (hundreds of thousands of points) small.
 */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Wraps SVG elements into a standalone document of `width` x `height` pixels. */
export function svgDocument(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

/** A `<text>` element in the figure font. */
export function svgText(
  x: number,
  y: number,
  text: string,
  options: {
    readonly sizePx: number;
    readonly anchor?: "start" | "middle" | "end";
    readonly fill?: string;
    readonly weight?: "normal" | "bold";
    readonly rotateDeg?: number;
    readonly family?: string;
  },
): string {
  const anchor = options.anchor ?? "start";
  const rotate =
    options.rotateDeg === undefined
      ? ""
      : ` transform="rotate(${options.rotateDeg} ${px(x)} ${px(y)})"`;
  const weight = options.weight === "bold" ? ' font-weight="bold"' : "";
  const family = options.family === undefined ? "" : ` font-family="${escapeXml(options.family)}"`;
  return `<text x="${px(x)}" y="${px(y)}" font-size="${options.sizePx}" text-anchor="${anchor}" fill="${options.fill ?? "#000000"}"${weight}${family}${rotate}>${escapeXml(text)}</text>`;
}
