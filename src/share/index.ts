// The share bundle's entry (dist/share/index.js): a share worker's process and its lanes' threads. It holds only
// what they run (plan, apply, the knowledge base), not the toolkit or the spec parser of the main bundle, so each
// lane is ready to make its first call after compiling a tenth of it (10 lanes took 1.0–1.8 s with the whole).
import { roleOf } from '../roles.js'
import { runLane } from './lane.js'
import { runShareWorker } from './supervisor.js'

switch (roleOf(process.env)) {
  case 'share-worker':
    void runShareWorker()
    break
  case 'lane':
    runLane()
    break
}
