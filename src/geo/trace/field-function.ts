/**
 * A magnetic field model as the tracer sees it: Earth-centred Earth-fixed cartesian position in
 * km in, field vector (any consistent unit, nT for IGRF) written into out[0..2]. Injected so an
 * external model (e.g. Tsyganenko T89) can be added to the internal field later.
 */
import type { IgrfModel } from "../igrf/igrf-model.js";

export type FieldFunction = (xKm: number, yKm: number, zKm: number, out: Float64Array) => void;

/** The IGRF internal field of one instant as a {@link FieldFunction}. */
export function igrfFieldFunction(model: IgrfModel): FieldFunction {
  return (xKm, yKm, zKm, out) => model.fieldEcef(xKm, yKm, zKm, out);
}

/**
 * A centred dipole with moment along `axis` (unit vector, ECEF), in nT with the equatorial
 * surface field `b0Nt` at `radiusKm`: B = b0 (R/r)³ [3 (m̂·r̂) r̂ − m̂] with the sign chosen so
 * that, like the Earth's, the field points into the ground in the hemisphere m̂ points to.
 */
export function dipoleFieldFunction(
  axis: readonly [number, number, number],
  b0Nt: number,
  radiusKm: number,
): FieldFunction {
  const [mx, my, mz] = axis;
  return (xKm, yKm, zKm, out) => {
    const r2 = xKm * xKm + yKm * yKm + zKm * zKm;
    const r = Math.sqrt(r2);
    const scale = -b0Nt * (radiusKm / r) ** 3;
    const mr = (mx * xKm + my * yKm + mz * zKm) / r;
    out[0] = scale * ((3 * mr * xKm) / r - mx);
    out[1] = scale * ((3 * mr * yKm) / r - my);
    out[2] = scale * ((3 * mr * zKm) / r - mz);
  };
}
