import type { Command } from "commander";
import { InvalidArgumentError } from "../../core/errors.js";
import type { AacgmMethod } from "../../geo/aacgm/aacgm.js";
import { aacgmToGeo, geoToAacgm } from "../../geo/aacgm/aacgm.js";
import { magneticLocalTime } from "../../geo/aacgm/mlt.js";
import { lookAngles } from "../../geo/look-angles.js";
import { type FootprintHemisphere, traceFootprint } from "../../geo/trace/footprint.js";
import { toTimeMs } from "../../imager/time-input.js";
import type { CliIo } from "../io.js";

/** "lat,lon,altKm" (degrees, degrees east, km) as typed on the command line. */
function parsePoint(text: string, argument: string) {
  const parts = text.split(",").map((p) => Number(p.trim()));
  const [latitudeDeg, longitudeDeg, altitudeKm = 0] = parts;
  if (
    parts.length < 2 ||
    parts.length > 3 ||
    parts.some((p) => !Number.isFinite(p)) ||
    latitudeDeg === undefined ||
    longitudeDeg === undefined ||
    Math.abs(latitudeDeg) > 90
  ) {
    throw new InvalidArgumentError(
      argument,
      `"${text}" is not lat,lon[,altKm] with |lat| <= 90, e.g. 62.41,-145.16,0.6`,
    );
  }
  return { latitudeDeg, longitudeDeg, altitudeKm };
}

function print(io: CliIo, json: boolean | undefined, value: Record<string, unknown>, text: string) {
  io.stdout(json === true ? `${JSON.stringify(value, null, 1)}\n` : `${text}\n`);
}

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : "NaN";

export function registerGeo(program: Command, io: CliIo): void {
  const geo = program
    .command("geo")
    .description("geodesy and geomagnetism: look angles, magnetic footprints, AACGM-v2 and MLT");

  geo
    .command("azel")
    .description("azimuth, elevation and range from an observer to a target (WGS84)")
    .requiredOption("--from <lat,lon,altKm>", "observer, e.g. an imager site")
    .requiredOption("--to <lat,lon,altKm>", "target, e.g. a satellite")
    .option("--json", "print JSON")
    .action((options: { from: string; to: string; json?: boolean }) => {
      const look = lookAngles(parsePoint(options.from, "--from"), parsePoint(options.to, "--to"));
      print(
        io,
        options.json,
        { ...look },
        `azimuth ${fixed(look.azimuthDeg, 4)}°  elevation ${fixed(look.elevationDeg, 4)}°  range ${fixed(look.rangeKm, 3)} km`,
      );
    });

  geo
    .command("footprint")
    .description("trace the IGRF-14 field line from a point to an altitude (magnetic footprint)")
    .requiredOption("--time <iso>", "instant, ISO 8601 UTC")
    .requiredOption("--at <lat,lon,altKm>", "start point (geodetic)")
    .option("--altitude <km>", "footprint altitude, km (geodetic)", "110")
    .option("--hemisphere <which>", "same, opposite, north or south (magnetic ends)", "same")
    .option("--json", "print JSON")
    .action(
      (options: {
        time: string;
        at: string;
        altitude: string;
        hemisphere: string;
        json?: boolean;
      }) => {
        const hemispheres = ["same", "opposite", "north", "south"];
        if (!hemispheres.includes(options.hemisphere)) {
          throw new InvalidArgumentError(
            "--hemisphere",
            `"${options.hemisphere}" must be one of ${hemispheres.join(", ")}`,
          );
        }
        const targetAltitudeKm = Number(options.altitude);
        if (!Number.isFinite(targetAltitudeKm))
          throw new InvalidArgumentError(
            "--altitude",
            `"${options.altitude}" is not a number of km`,
          );
        const start = parsePoint(options.at, "--at");
        const footprint = traceFootprint(
          toTimeMs(options.time, "--time"),
          start.latitudeDeg,
          start.longitudeDeg,
          start.altitudeKm,
          {
            targetAltitudeKm,
            hemisphere: options.hemisphere as FootprintHemisphere,
          },
        );
        if (footprint === null) {
          print(
            io,
            options.json,
            { footprint: null },
            "the field line does not reach that altitude in that hemisphere (open, or too long)",
          );
          return;
        }
        print(
          io,
          options.json,
          { ...footprint },
          `footprint ${fixed(footprint.latitudeDeg, 4)}°N ${fixed(footprint.longitudeDeg, 4)}°E at ${fixed(footprint.altitudeKm, 3)} km (field line ${fixed(footprint.arcLengthKm, 1)} km)`,
        );
      },
    );

  geo
    .command("aacgm")
    .description("geographic → AACGM-v2 latitude, longitude and MLT (or back with --inverse)")
    .requiredOption("--time <iso>", "instant, ISO 8601 UTC")
    .requiredOption("--at <lat,lon,altKm>", "geodetic point (or mlat,mlon,altKm with --inverse)")
    .option("--inverse", "AACGM → geographic")
    .option(
      "--method <name>",
      "coefficients, trace, allowTrace or badIdea (AACGM-v2 methods)",
      "coefficients",
    )
    .option("--json", "print JSON")
    .action(
      (options: {
        time: string;
        at: string;
        inverse?: boolean;
        method: string;
        json?: boolean;
      }) => {
        const methods = ["coefficients", "trace", "allowTrace", "badIdea"];
        if (!methods.includes(options.method)) {
          throw new InvalidArgumentError(
            "--method",
            `"${options.method}" must be one of ${methods.join(", ")}`,
          );
        }
        const timeMs = toTimeMs(options.time, "--time");
        const point = parsePoint(options.at, "--at");
        const method = options.method as AacgmMethod;
        if (options.inverse === true) {
          const g = aacgmToGeo(timeMs, point.latitudeDeg, point.longitudeDeg, point.altitudeKm, {
            method,
          });
          print(
            io,
            options.json,
            { ...g },
            `geographic ${fixed(g.latitudeDeg, 6)}°N ${fixed(g.longitudeDeg, 6)}°E at ${fixed(g.altitudeKm, 3)} km`,
          );
          return;
        }
        const m = geoToAacgm(timeMs, point.latitudeDeg, point.longitudeDeg, point.altitudeKm, {
          method,
        });
        const mltHours = magneticLocalTime(timeMs, m.longitudeDeg);
        print(
          io,
          options.json,
          { ...m, mltHours },
          `AACGM ${fixed(m.latitudeDeg, 6)}°  ${fixed(m.longitudeDeg, 6)}°E  r ${fixed(m.radiusRe, 6)} Re  MLT ${fixed(mltHours, 4)} h`,
        );
      },
    );
}
