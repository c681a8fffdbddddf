import { describe } from "vitest";
import { fixturesMissingReason, haveFixtures } from "./fixtures.js";

/**
 * `describe` for suites that read real fixtures. When the folder is absent the suite is
 * skipped and the reason is printed, so a skip is never mistaken for a pass.
 */
export function describeWithFixtures(name: string, body: () => void): void {
  if (!haveFixtures) {
    console.warn(`SKIPPED "${name}": ${fixturesMissingReason}`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}
