// The entry point the runner executes (bundled to dist/index.js). The same file is every other process and thread
// of the action, told apart by one variable (roles.ts), so the bundle stays one file.
import { run } from './main.js'
import { roleOf } from './roles.js'
import { runPost, runPostWorker } from './post.js'
import { runLane } from './share/lane.js'
import { runShareWorker } from './share/supervisor.js'
import { isPostStep } from './undo-state.js'

/* istanbul ignore next -- the dispatch itself: each role's entry is tested on its own */
switch (roleOf(process.env)) {
  case 'share-worker':
    void runShareWorker()
    break
  case 'lane':
    runLane()
    break
  case 'post-worker':
    runPostWorker()
    break
  default:
    // runs.post is this file too: the main step's state says which step this is.
    void (isPostStep() ? runPost() : run())
}
