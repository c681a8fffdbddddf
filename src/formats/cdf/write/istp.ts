/**
 * ISTP/IACG metadata conventions (SPDF "ISTP Guidelines": global and variable attributes) as
 * ready-made attribute sets, with FILLVAL/VALIDMIN/VALIDMAX typed like the variable.
 */
import { InvalidArgumentError } from "../../../core/errors.js";
import type { CdfAttributeEntry } from "./attribute-entry.js";
import type { CdfTypeName } from "./data-types.js";
import { cdfTypeInfo } from "./data-types.js";

/** A FILLVAL/VALIDMIN/VALIDMAX value; EPOCH16 takes a (seconds, picoseconds) pair. */
export type IstpValue = number | bigint | readonly number[];

export type IstpVarType = "data" | "support_data" | "metadata" | "ignore_data";

export interface IstpVariableOptions {
  dataType: CdfTypeName | `CDF_${CdfTypeName}`;
  varType: IstpVarType;
  fieldName: string;
  catDesc: string;
  units?: string;
  /** Default: the ISTP standard fill value of the data type. */
  fillVal?: IstpValue;
  validMin?: IstpValue;
  validMax?: IstpValue;
  /** DEPEND_0: the time variable of a record-varying variable. */
  depend0?: string;
  /** DEPEND_1, DEPEND_2, ...: support variables of the record dimensions. */
  depends?: readonly string[];
  /** DISPLAY_TYPE, e.g. "time_series", "image", "spectrogram". */
  displayType?: string;
  lablAxis?: string;
  /** FORMAT: a Fortran edit descriptor such as "I5" or "E12.2". */
  format?: string;
}

/**
 * Standard fill values by data type (ISTP Guidelines, "FILLVAL" table): the most negative
 * signed integer, the largest unsigned integer, -1.0e31 for floats and CDF_EPOCH.
 */
const ISTP_FILL: Readonly<Partial<Record<CdfTypeName, IstpValue>>> = {
  INT1: -128,
  BYTE: -128,
  UINT1: 255,
  INT2: -32768,
  UINT2: 65535,
  INT4: -2147483648,
  UINT4: 4294967295,
  INT8: -9223372036854775808n,
  REAL4: -1.0e31,
  FLOAT: -1.0e31,
  REAL8: -1.0e31,
  DOUBLE: -1.0e31,
  EPOCH: -1.0e31,
  EPOCH16: [-1.0e31, -1.0e31],
  TIME_TT2000: -9223372036854775808n,
};

/** The ISTP-required variable attributes for one variable. */
export function istpVariableAttributes(o: IstpVariableOptions): Record<string, CdfAttributeEntry> {
  const info = cdfTypeInfo(o.dataType, "istp.dataType");
  const typed = (value: IstpValue): CdfAttributeEntry => ({ dataType: info.name, value });
  const out: Record<string, CdfAttributeEntry> = {
    FIELDNAM: o.fieldName,
    CATDESC: o.catDesc,
    VAR_TYPE: o.varType,
  };
  if (o.units !== undefined) out.UNITS = o.units;
  if (info.kind === "string") {
    if (o.fillVal !== undefined || o.validMin !== undefined || o.validMax !== undefined) {
      throw new InvalidArgumentError(
        "istp",
        `CDF_${info.name} variables take no numeric FILLVAL/VALIDMIN/VALIDMAX`,
      );
    }
  } else {
    const fill = o.fillVal ?? ISTP_FILL[info.name];
    if (fill !== undefined) out.FILLVAL = typed(fill);
    if (o.validMin !== undefined) out.VALIDMIN = typed(o.validMin);
    if (o.validMax !== undefined) out.VALIDMAX = typed(o.validMax);
  }
  if (o.depend0 !== undefined) out.DEPEND_0 = o.depend0;
  (o.depends ?? []).forEach((name, i) => {
    out[`DEPEND_${i + 1}`] = name;
  });
  if (o.displayType !== undefined) out.DISPLAY_TYPE = o.displayType;
  if (o.lablAxis !== undefined) out.LABLAXIS = o.lablAxis;
  if (o.format !== undefined) out.FORMAT = o.format;
  return out;
}

export interface IstpGlobalOptions {
  project: string;
  sourceName: string;
  discipline: string | readonly string[];
  dataType: string;
  descriptor: string;
  dataVersion: string;
  logicalSource: string;
  logicalFileId: string;
  logicalSourceDescription: string;
  piName: string;
  piAffiliation: string;
  instrumentType: string;
  missionGroup: string;
  text: string | readonly string[];
  generatedBy: string;
  /** ISO date (YYYY-MM-DD) the file was made. */
  generationDate: string;
  acknowledgement?: string;
  rulesOfUse?: string;
  timeResolution?: string;
}

/** The ISTP-required (and a few recommended) global attributes, in the guideline order. */
export function istpGlobalAttributes(o: IstpGlobalOptions): Record<string, readonly string[]> {
  const list = (value: string | readonly string[]) =>
    typeof value === "string" ? [value] : [...value];
  const out: Record<string, readonly string[]> = {
    Project: [o.project],
    Source_name: [o.sourceName],
    Discipline: list(o.discipline),
    Data_type: [o.dataType],
    Descriptor: [o.descriptor],
    Data_version: [o.dataVersion],
    PI_name: [o.piName],
    PI_affiliation: [o.piAffiliation],
    TEXT: list(o.text),
    Instrument_type: [o.instrumentType],
    Mission_group: [o.missionGroup],
    Logical_source: [o.logicalSource],
    Logical_file_id: [o.logicalFileId],
    Logical_source_description: [o.logicalSourceDescription],
    Generated_by: [o.generatedBy],
    Generation_date: [o.generationDate],
  };
  if (o.timeResolution !== undefined) out.Time_resolution = [o.timeResolution];
  if (o.rulesOfUse !== undefined) out.Rules_of_use = [o.rulesOfUse];
  if (o.acknowledgement !== undefined) out.Acknowledgement = [o.acknowledgement];
  return out;
}
