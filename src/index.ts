// The entry point the runner executes (bundled to dist/index.js). The same file serves as the share worker
// process and its lane threads (share-worker.ts), so the bundle stays one file.
import { run } from './main.js'
import { WORKER_ROLE, isLane, runLane, runShareWorker } from './share-worker.js'

if (isLane()) runLane()
else if (process.env[WORKER_ROLE]) runShareWorker()
else void run()
