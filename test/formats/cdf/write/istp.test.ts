/** ISTP attribute helpers: required names present, fill values typed like the variable. */
import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../../../src/core/errors.js";
import {
  istpGlobalAttributes,
  istpVariableAttributes,
} from "../../../../src/formats/cdf/write/index.js";

describe("ISTP attributes", () => {
  test("an image variable like THEMIS thg_asf_gako", () => {
    // Oracle: the attributes of thg_asf_gako in thg_l1_asf_gako_2011010617_v01.cdf (cdflib/jcdf).
    const attributes = istpVariableAttributes({
      dataType: "UINT2",
      varType: "data",
      fieldName: "thg_asf_gako",
      catDesc: "Images of 256x256 pixels",
      units: "counts",
      validMin: 0,
      validMax: 65535,
      depend0: "thg_asf_gako_epoch",
      depends: ["thg_asf_gako_column", "thg_asf_gako_row"],
      displayType: "image",
      lablAxis: "Width",
      format: "I5",
    });
    expect(attributes).toEqual({
      FIELDNAM: "thg_asf_gako",
      CATDESC: "Images of 256x256 pixels",
      VAR_TYPE: "data",
      UNITS: "counts",
      FILLVAL: { dataType: "UINT2", value: 65535 },
      VALIDMIN: { dataType: "UINT2", value: 0 },
      VALIDMAX: { dataType: "UINT2", value: 65535 },
      DEPEND_0: "thg_asf_gako_epoch",
      DEPEND_1: "thg_asf_gako_column",
      DEPEND_2: "thg_asf_gako_row",
      DISPLAY_TYPE: "image",
      LABLAXIS: "Width",
      FORMAT: "I5",
    });
  });

  test.each([
    ["INT1", -128],
    ["UINT1", 255],
    ["INT2", -32768],
    ["INT4", -2147483648],
    ["UINT4", 4294967295],
    ["INT8", -(2n ** 63n)],
    ["REAL4", -1e31],
    ["DOUBLE", -1e31],
    ["EPOCH", -1e31],
    ["TIME_TT2000", -(2n ** 63n)],
  ] as const)("default FILLVAL of %s is %s (ISTP guidelines table)", (dataType, fill) => {
    const attributes = istpVariableAttributes({
      dataType,
      varType: "support_data",
      fieldName: "x",
      catDesc: "x",
    });
    expect(attributes.FILLVAL).toEqual({ dataType, value: fill });
  });

  test("string variables take no numeric fill or range", () => {
    const base = { dataType: "CHAR", varType: "metadata", fieldName: "x", catDesc: "x" } as const;
    expect(istpVariableAttributes(base).FILLVAL).toBeUndefined();
    expect(() => istpVariableAttributes({ ...base, validMin: 0 })).toThrow(InvalidArgumentError);
  });

  test("global attributes: required ISTP names, multi-entry lists kept", () => {
    const globals = istpGlobalAttributes({
      project: "THEMIS",
      sourceName: "THG_L1>THEMIS Ground Based Observatory",
      discipline: ["Space Physics>Magnetospheric Science", "Space Physics>Ionospheric Science"],
      dataType: "ASF>All Sky Imager",
      descriptor: "GAKO>Gakona Alaska",
      dataVersion: "1",
      logicalSource: "thg_l1_asf_gako",
      logicalFileId: "thg_l1_asf_gako_2011010617_v01",
      logicalSourceDescription: "x",
      piName: "x",
      piAffiliation: "x",
      instrumentType: "x",
      missionGroup: "THEMIS",
      text: "x",
      generatedBy: "aurorakit",
      generationDate: "2026-11-22",
      rulesOfUse: "Open Data for Scientific Use",
    });
    // ISTP Guidelines: the required global attributes.
    for (const name of [
      "Project",
      "Source_name",
      "Discipline",
      "Data_type",
      "Descriptor",
      "Data_version",
      "Logical_file_id",
      "Logical_source",
      "Logical_source_description",
      "PI_name",
      "PI_affiliation",
      "TEXT",
      "Instrument_type",
      "Mission_group",
    ]) {
      expect(globals[name], name).toBeDefined();
    }
    expect(globals.Discipline).toHaveLength(2);
    expect(globals.Rules_of_use).toEqual(["Open Data for Scientific Use"]);
    expect(globals.Acknowledgement).toBeUndefined();
  });
});
