// The entry point the runner executes (bundled to dist/index.js). The same file is every other process and thread
// of the action, told apart by one variable (roles.ts), so the bundle stays one file.
import { run } from './main.js'
import { roleOf } from './roles.js'
import { runLane } from './share/lane.js'
import { runShareWorker } from './share/supervisor.js'

/* istanbul ignore next -- the dispatch itself: each role's entry is tested on its own */
switch (roleOf(process.env)) {
  case 'share-worker':
    void runShareWorker()
    break
  case 'lane':
    runLane()
    break
  case 'lean':
    void run()
    break
  default:
    void run({ lean: true })
}
