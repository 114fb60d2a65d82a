// V8 grows a process's young generation as objects survive its collections, doubling it up to 64 MB a half (Node
// runs V8 without pointer compression, which doubles V8's 32 MB): over a long run the survivors of every collection
// add up, and a run of 100,000 links ends with 128 MB of young generation, all of it resident. An action cannot pass
// V8 flags to the process the runner starts, and V8 sizes the young generation's bound when the process starts; but
// it reads its growth factor each time it grows (src/heap/new-spaces.cc, SemiSpaceNewSpace::Grow: the new capacity is
// the current one times v8_flags.semi_space_growth_factor, at most the bound), so once the young generation has
// reached YOUNG_MB a factor of 1 keeps it there. Later V8s raise the factor to at least 2 (flag-definitions.h,
// DEFINE_MIN_VALUE_IMPLICATION): the test runs the action's Node, and would show it. The flag is the process's: a
// worker thread started after it is set keeps its starting size (3.75 MB, measured); the action starts none, and the
// share machinery runs in a child process of its own, which it does not reach.
import * as v8 from 'node:v8'

/** Both halves of the young generation together, at most, in MB: a size that costs a run no measurable time. */
export const YOUNG_MB = 16

let kept = false

/** Keep the young generation from growing past YOUNG_MB, once it has reached it; asked between slices of links. */
export function keepYoungGeneration(): void {
  if (kept) return
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
  if (!young || young.space_size < YOUNG_MB * 2 ** 20) return
  v8.setFlagsFromString('--semi-space-growth-factor=1')
  kept = true
}
