import { InvalidArgumentError, NotFoundError } from "../../core/errors.js";
import type { ProgressReporter } from "../../core/progress.js";
import { formatIsoMicroseconds } from "../../core/time/ucalgary-timestamp.js";
import type { Imager } from "../../imager/imager.js";
import type { TimeGrid } from "./time-grid.js";

/** The time-dependent half of a keogram: values per slot, which slots a frame filled, when. */
export interface KeogramFill {
  /** [slots][pixels][channels] row-major; NaN in slots without a frame. */
  readonly values: Float32Array;
  /** Time of the frame kept in each slot, NaN for gaps. */
  readonly frameTimesMs: Float64Array;
  readonly present: Uint8Array;
}

/**
 * Streams the Imager's frames once and copies the selected pixels (all channels) of each into
 * its nearest slot. Memory: the output plus whatever one frame batch the Imager holds. Frames
 * outside the Imager's range are ignored, and when two frames meet in one slot the one nearer
 * the slot instant stays (the earlier on a tie); both are reported as warnings.
 */
export async function fillKeogram(
  imager: Pick<Imager, "meta" | "frames" | "startMs" | "endMs">,
  time: TimeGrid,
  rows: Int32Array,
  columns: Int32Array,
  reporter: ProgressReporter,
): Promise<KeogramFill> {
  const { meta } = imager;
  const { width, height, channels } = meta;
  const pixelCount = rows.length;
  const rowLength = pixelCount * channels;
  const values = new Float32Array(time.slotCount * rowLength).fill(Number.NaN);
  const frameTimesMs = new Float64Array(time.slotCount).fill(Number.NaN);
  const present = new Uint8Array(time.slotCount);
  // Offset of each selected pixel's first channel in a frame, computed once for the stream.
  const sourceOffsets = new Int32Array(pixelCount);
  for (let k = 0; k < pixelCount; k++)
    sourceOffsets[k] = ((rows[k] as number) * width + (columns[k] as number)) * channels;
  const frameLength = width * height * channels;

  const taskId = `keogram ${meta.array} ${meta.site} ${imager.startMs}`;
  reporter.begin({
    id: taskId,
    label: `${meta.arrayLabel} ${meta.site} keogram`,
    unit: "frames",
    total: time.slotCount,
  });
  let inside = 0;
  let shared = 0;
  let outside = 0;
  try {
    for await (const frame of imager.frames()) {
      if (frame.image.length !== frameLength) {
        throw new InvalidArgumentError(
          "imager",
          `its frame at ${formatIsoMicroseconds(frame.timeMs)} has ${frame.image.length} values, expected ${width}x${height}x${channels}; the array plugin decodes it wrongly`,
        );
      }
      reporter.advance(taskId, 1);
      if (!(frame.timeMs >= imager.startMs && frame.timeMs <= imager.endMs)) {
        outside++;
        continue;
      }
      inside++;
      const slot = time.slotOf(frame.timeMs);
      if (present[slot] === 1) {
        shared++;
        const slotMs = time.slotTimeMs(slot);
        const kept = frameTimesMs[slot] as number;
        if (Math.abs(frame.timeMs - slotMs) >= Math.abs(kept - slotMs)) continue;
      }
      present[slot] = 1;
      frameTimesMs[slot] = frame.timeMs;
      const image = frame.image;
      let target = slot * rowLength;
      for (let k = 0; k < pixelCount; k++) {
        const source = sourceOffsets[k] as number;
        for (let c = 0; c < channels; c++) values[target++] = image[source + c] as number;
      }
    }
  } catch (error) {
    reporter.end(taskId, "failed");
    throw error;
  }
  reporter.end(taskId, "done");
  const span = `${formatIsoMicroseconds(imager.startMs)} – ${formatIsoMicroseconds(imager.endMs)}`;
  if (inside === 0) {
    throw new NotFoundError(
      `a ${meta.arrayLabel} ${meta.site} frame in ${span}`,
      "the imager delivered none; check `aurorakit availability` for the range, or choose another",
    );
  }
  if (shared > 0) {
    reporter.warn(
      `keogram: ${shared} frame(s) of ${meta.arrayLabel} ${meta.site} shared a ${meta.cadenceS} s slot with another; the one nearer the slot time was kept`,
    );
  }
  if (outside > 0) reporter.warn(`keogram: ${outside} frame(s) outside ${span} were ignored`);
  return { values, frameTimesMs, present };
}
