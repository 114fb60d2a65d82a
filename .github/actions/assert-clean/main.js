// Nothing to do while the job runs: the check is the post step (check.js).
