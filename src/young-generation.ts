// V8 grows a process's young generation as objects survive its collections, doubling it up to 64 MB a half (Node
// runs V8 without pointer compression, which doubles V8's 32 MB): over a long run the survivors of every collection
// add up, and a run of 100,000 links, each in a directory of its own, ended with 128 MB of young generation, all of
// it resident. An action cannot pass V8 flags to the process the runner starts, and V8 sizes the young generation's
// bound when the process starts; but it reads its growth factor each time it grows, so once the young generation has
// reached YOUNG_MB it stays there (that run: 245 MB at its peak before, 161 MB after).
import * as v8 from 'node:v8'

/** Both halves of the young generation together, at most, in MB: the size a run of 100,000 plain links reaches. */
export const YOUNG_MB = 32

let kept = false

/** Keep the young generation from growing past YOUNG_MB, once it has reached it; asked between slices of links. */
export function keepYoungGeneration(): void {
  if (kept) return
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
  if (!young || young.space_size < YOUNG_MB * 2 ** 20) return
  v8.setFlagsFromString('--semi-space-growth-factor=1')
  kept = true
}
