// The entry point the runner executes (bundled to dist/index.js).
import { run } from './main.js'

void run()
