// The entry point the runner executes (bundled to dist/index.js). The same file is the action's other processes,
// told apart by one variable (roles.ts); a share worker and its lanes run the share bundle (share/index.ts).
import { run } from './main.js'
import { roleOf } from './roles.js'
import { runPost, runPostWorker } from './post.js'
import { isPostStep } from './undo-state.js'

/* istanbul ignore next -- the dispatch itself: each role's entry is tested on its own */
switch (roleOf(process.env)) {
  case 'post-worker':
    runPostWorker()
    break
  default:
    // runs.post is this file too: the main step's state says which step this is.
    void (isPostStep() ? runPost() : run())
}
