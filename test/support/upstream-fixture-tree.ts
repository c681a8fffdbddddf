/**
 * The real fixtures at their real upstream paths, for a loopback server: Berkeley's THEMIS L1
 * tree and UCalgary's stream0 and skymap trees (asilib.md §3.1, aurorax.md §3.3). URL paths
 * start with `/berkeley` or `/ucalgary`, the base URLs the tests configure.
 */
import { fixture } from "./fixtures.js";

export const BERKELEY_PREFIX = "/berkeley";
export const UCALGARY_PREFIX = "/ucalgary";

export function upstreamFixtureMounts(): Record<string, string> {
  return {
    [`${BERKELEY_PREFIX}/thg/l1/asi/gako/2011/01/thg_l1_asf_gako_2011010617_v01.cdf`]: fixture(
      "themis",
      "thg_l1_asf_gako_2011010617_v01.cdf",
    ),
    [`${UCALGARY_PREFIX}/THEMIS/asi/skymaps/gako/gako_20110305/themis_skymap_gako_20110305-+_vXX.sav`]:
      fixture("themis", "themis_skymap_gako_20110305-+_vXX.sav"),
    [`${UCALGARY_PREFIX}/THEMIS/asi/stream0/2014/03/10/gill_themis19/ut06/20140310_0600_gill_themis19_full.pgm.gz`]:
      fixture("themis-pgm", "20140310_0600_gill_themis19_full.pgm.gz"),
    [`${UCALGARY_PREFIX}/THEMIS/asi/stream0/2014/03/10/gill_themis19/ut06/20140310_0601_gill_themis19_full.pgm.gz`]:
      fixture("themis-pgm", "20140310_0601_gill_themis19_full.pgm.gz"),
    [`${UCALGARY_PREFIX}/TREx/NIR/stream0/2022/03/07/gill_nir-216/ut06/20220307_0600_gill_nir-216_8446.pgm.gz`]:
      fixture("trex", "20220307_0600_gill_nir-216_8446.pgm.gz"),
    [`${UCALGARY_PREFIX}/TREx/blueline/stream0/2022/03/08/gill_blue-814/ut06/20220308_0600_gill_blue-814_full.pgm.gz`]:
      fixture("trex", "20220308_0600_gill_blue-814_full.pgm.gz"),
  };
}

/** The environment that points aurorakit at the loopback server and a scratch cache. */
export function loopbackEnv(baseUrl: string, dataDir: string): Record<string, string> {
  return {
    AURORAKIT_URL_BERKELEY: `${baseUrl}${BERKELEY_PREFIX}`,
    AURORAKIT_URL_UCALGARY: `${baseUrl}${UCALGARY_PREFIX}`,
    AURORAKIT_DATA_DIR: dataDir,
    // No user config file may leak into the tests.
    AURORAKIT_CONFIG: `${dataDir}/no-config.json`,
  };
}
