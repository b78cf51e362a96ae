// A test fixture for views that list gaps, kept apart from the engine fixtures.
import type { Gap } from "../../src/domain/gaps.ts";
import { deepFreeze } from "./deep-freeze.ts";

/** One gap as the engine reports it (a grid without a worker), for tests of views that list gaps. */
export const SAMPLE_GRID_GAP: Gap = deepFreeze({
  id: "grid-no-worker:530102001001-G01",
  kind: "grid-no-worker",
  level: "grid",
  unitId: "530102001001-G01",
  unitName: "翠湖社区第1网格",
  prefectureCode: "5301",
  districtCode: "530102",
  streetCode: "530102001",
  communityCode: "530102001001",
  households: 820,
  value: null,
  intensity: 1,
  score: 1640,
  severity: "high",
  reason: "网格无网格员,涉及 820 户",
  reasonEn: "Grid has no grid worker; 820 households",
  location: [102.7, 25.04],
  bbox: null,
});
