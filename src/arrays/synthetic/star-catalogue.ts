/**
 * Bright stars visible from auroral-zone sites (declination above −38°), for the synthetic
 * imager's star field. Positions are J2000 right ascension and declination, magnitudes
 * Johnson V, as published in the Yale Bright Star Catalogue, 5th revised edition (D. Hoffleit
 * & W. H. Warren Jr., 1991; VizieR V/50), rounded to the second of time / arc. Variable stars
 * carry a typical magnitude. Proper motion and precession since J2000 (under 0.4° by 2030)
 * are ignored: the synthetic sky needs stars in the right places, not astrometry.
 */
export interface CatalogueStar {
  readonly name: string;
  readonly rightAscensionDeg: number;
  readonly declinationDeg: number;
  readonly magnitudeV: number;
}

/** [name, RA "hh mm ss", Dec "±dd mm ss", V] (BSC5). */
const ROWS: readonly (readonly [string, string, string, number])[] = [
  ["Sirius", "06 45 09", "-16 42 58", -1.46],
  ["Arcturus", "14 15 40", "+19 10 57", -0.04],
  ["Vega", "18 36 56", "+38 47 01", 0.03],
  ["Capella", "05 16 41", "+45 59 53", 0.08],
  ["Rigel", "05 14 32", "-08 12 06", 0.12],
  ["Procyon", "07 39 18", "+05 13 30", 0.38],
  ["Betelgeuse", "05 55 10", "+07 24 25", 0.5],
  ["Altair", "19 50 47", "+08 52 06", 0.77],
  ["Aldebaran", "04 35 55", "+16 30 33", 0.85],
  ["Antares", "16 29 24", "-26 25 55", 0.96],
  ["Spica", "13 25 12", "-11 09 41", 0.98],
  ["Pollux", "07 45 19", "+28 01 34", 1.14],
  ["Fomalhaut", "22 57 39", "-29 37 20", 1.16],
  ["Deneb", "20 41 26", "+45 16 49", 1.25],
  ["Regulus", "10 08 22", "+11 58 02", 1.35],
  ["Adhara", "06 58 38", "-28 58 20", 1.5],
  ["Castor", "07 34 36", "+31 53 18", 1.58],
  ["Shaula", "17 33 37", "-37 06 14", 1.63],
  ["Bellatrix", "05 25 08", "+06 20 59", 1.64],
  ["Elnath", "05 26 18", "+28 36 27", 1.65],
  ["Alnilam", "05 36 13", "-01 12 07", 1.7],
  ["Alnitak", "05 40 46", "-01 56 34", 1.77],
  ["Alioth", "12 54 02", "+55 57 35", 1.77],
  ["Dubhe", "11 03 44", "+61 45 03", 1.79],
  ["Mirfak", "03 24 19", "+49 51 40", 1.79],
  ["Wezen", "07 08 23", "-26 23 36", 1.84],
  ["Kaus Australis", "18 24 10", "-34 23 05", 1.85],
  ["Alkaid", "13 47 32", "+49 18 48", 1.86],
  ["Menkalinan", "05 59 32", "+44 56 51", 1.9],
  ["Alhena", "06 37 43", "+16 23 57", 1.93],
  ["Polaris", "02 31 49", "+89 15 51", 2.02],
  ["Mirzam", "06 22 42", "-17 57 21", 1.98],
  ["Alphard", "09 27 35", "-08 39 31", 1.98],
  ["Hamal", "02 07 10", "+23 27 45", 2.0],
  ["Algieba", "10 19 58", "+19 50 29", 2.01],
  ["Diphda", "00 43 35", "-17 59 12", 2.04],
  ["Nunki", "18 55 16", "-26 17 48", 2.02],
  ["Mirach", "01 09 44", "+35 37 14", 2.06],
  ["Alpheratz", "00 08 23", "+29 05 26", 2.06],
  ["Saiph", "05 47 45", "-09 40 11", 2.06],
  ["Kochab", "14 50 42", "+74 09 20", 2.08],
  ["Rasalhague", "17 34 56", "+12 33 36", 2.08],
  ["Algol", "03 08 10", "+40 57 20", 2.12],
  ["Denebola", "11 49 04", "+14 34 19", 2.14],
  ["Almach", "02 03 54", "+42 19 47", 2.26],
  ["Alphecca", "15 34 41", "+26 42 53", 2.23],
  ["Sadr", "20 22 14", "+40 15 24", 2.2],
  ["Schedar", "00 40 30", "+56 32 14", 2.23],
  ["Eltanin", "17 56 36", "+51 29 20", 2.23],
  ["Mintaka", "05 32 00", "-00 17 57", 2.23],
  ["Mizar", "13 23 56", "+54 55 31", 2.27],
  ["Caph", "00 09 11", "+59 08 59", 2.27],
  ["Dschubba", "16 00 20", "-22 37 18", 2.32],
  ["Merak", "11 01 50", "+56 22 57", 2.37],
  ["Izar", "14 44 59", "+27 04 27", 2.37],
  ["Enif", "21 44 11", "+09 52 30", 2.39],
  ["Sabik", "17 10 23", "-15 43 29", 2.43],
  ["Scheat", "23 03 46", "+28 04 58", 2.42],
  ["Phecda", "11 53 50", "+53 41 41", 2.44],
  ["Alderamin", "21 18 35", "+62 35 08", 2.44],
  ["Gamma Cassiopeiae", "00 56 43", "+60 43 00", 2.47],
  ["Markab", "23 04 46", "+15 12 19", 2.49],
  ["Gienah Cygni", "20 46 13", "+33 58 13", 2.46],
  ["Menkar", "03 02 17", "+04 05 23", 2.53],
  ["Zosma", "11 14 06", "+20 31 25", 2.56],
  ["Zeta Ophiuchi", "16 37 10", "-10 34 02", 2.56],
  ["Arneb", "05 32 44", "-17 49 20", 2.58],
  ["Graffias", "16 05 26", "-19 48 19", 2.62],
  ["Unukalhai", "15 44 16", "+06 25 32", 2.65],
  ["Sheratan", "01 54 38", "+20 48 29", 2.64],
  ["Ruchbah", "01 25 49", "+60 14 07", 2.68],
  ["Muphrid", "13 54 41", "+18 23 52", 2.68],
  ["Tarazed", "19 46 16", "+10 36 48", 2.72],
  ["Rastaban", "17 30 26", "+52 18 05", 2.79],
  ["Algenib", "00 13 14", "+15 11 01", 2.83],
  ["Vindemiatrix", "13 02 11", "+10 57 33", 2.83],
  ["Alcyone", "03 47 29", "+24 06 18", 2.87],
  ["Fawaris", "19 44 58", "+45 07 51", 2.87],
  ["Cor Caroli", "12 56 02", "+38 19 06", 2.9],
  ["Pherkad", "15 20 44", "+71 50 02", 3.05],
  ["Albireo", "19 30 43", "+27 57 35", 3.08],
  ["Megrez", "12 15 26", "+57 01 57", 3.31],
  ["Segin", "01 54 24", "+63 40 12", 3.38],
  ["Thuban", "14 04 23", "+64 22 33", 3.65],
];

function sexagesimal(text: string): number {
  const sign = text.trim().startsWith("-") ? -1 : 1;
  const [a = 0, b = 0, c = 0] = text.replace(/^[+-]/, "").trim().split(/\s+/).map(Number);
  return sign * (a + b / 60 + c / 3600);
}

/** The catalogue, brightest first. */
export function brightStars(): readonly CatalogueStar[] {
  return ROWS.map(([name, ra, dec, magnitudeV]) => ({
    name,
    // 1 hour of right ascension = 15° (IAU definition of the hour angle unit).
    rightAscensionDeg: sexagesimal(ra) * 15,
    declinationDeg: sexagesimal(dec),
    magnitudeV,
  }));
}
