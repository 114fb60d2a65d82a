// Checks of workflow steps that use this action, shared by the repository's own workflows (workflows.test.ts) and
// the snippets users copy from README.md and docs/ (docs.test.ts). Each returns the problems found, in words.

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  shell?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}

export interface ActionMeta {
  inputs: Record<string, { required?: boolean }>
  outputs: Record<string, unknown>
}

/** Inputs the step gives that action.yml does not declare, and required ones it leaves out. */
export function inputProblems(step: Step, action: ActionMeta): string[] {
  const given = Object.keys(step.with ?? {})
  const required = Object.keys(action.inputs).filter((name) => action.inputs[name].required)
  return [
    ...given.filter((name) => !(name in action.inputs)).map((name) => `input '${name}' is not declared`),
    ...required.filter((name) => !given.includes(name)).map((name) => `required input '${name}' is missing`)
  ]
}

/** `steps.ID.outputs.NAME` read in a job: ID is a step of that job, NAME declared when that step is the action. */
export function outputProblems(steps: Step[], action: ActionMeta, isAction: (uses: string) => boolean): string[] {
  const ids = new Map(steps.filter((step) => step.id).map((step) => [step.id, step]))
  return [...JSON.stringify(steps).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].flatMap(([, id, output]) => {
    const step = ids.get(id)
    if (!step) return [`steps.${id} is not a step of this job`]
    if (step.uses && isAction(step.uses) && !(output in action.outputs)) return [`output '${output}' is not declared`]
    return []
  })
}

/**
 * Expressions where they go wrong: inside `run:` (a path from the spec would become shell code: pass it through
 * `env:`), and `\n` in an expression's string (expressions have no escapes: it stays a backslash and an n).
 */
export function expressionProblems(steps: Step[]): string[] {
  return steps.flatMap((step) => [
    ...(/\$\{\{/.test(step.run ?? '') ? [`run: of step ${step.id ?? step.uses ?? ''} interpolates an expression`] : []),
    ...[...JSON.stringify(step).matchAll(/\$\{\{((?:(?!\}\}).)*)\}\}/g)]
      .filter(([, expression]) => /'[^']*\\\\n[^']*'/.test(expression))
      .map(([whole]) => `${whole} has '\\n', which expressions do not interpret`)
  ])
}

export interface Job {
  'runs-on'?: string
  container?: unknown
  strategy?: { matrix?: { os?: string[] } }
  defaults?: { run?: { shell?: string } }
  steps?: Step[]
}

/** The runners a job runs on: `runs-on`, or the matrix's `os` where runs-on is an expression. */
export function runnersOf(job: Job): string[] {
  const runsOn = job['runs-on'] ?? ''
  return /\$\{\{/.test(runsOn) ? (job.strategy?.matrix?.os ?? [runsOn]) : [runsOn]
}

/** A shell script's commands, a line each: continuation lines joined, comments dropped. */
const commandsOf = (script: string): string[] =>
  script
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, ''))

/**
 * Ubuntu's `chromium` package is a wrapper that installs a snap, which a CI job cannot run: a job on an Ubuntu
 * runner (not in a container) uses the browser the hosted image has, Google Chrome at `$CHROME_BIN`. Read are the
 * job's scripts and the repository's scripts they run (`readScript` gives a file's text, undefined for no file).
 */
export function ubuntuChromiumProblems(job: Job, readScript: (file: string) => string | undefined): string[] {
  if (job.container || !runnersOf(job).some((runner) => runner.startsWith('ubuntu'))) return []
  const runs = (job.steps ?? []).map((step) => step.run ?? '')
  const scripts = runs.flatMap((run) => run.split(/\s+/).flatMap((word) => readScript(word) ?? []))
  return [...runs, ...scripts]
    .flatMap(commandsOf)
    .filter(
      (command) => /\bapt(-get)?\s+(\S+\s+)*install\b/.test(command) && /\schromium(-browser)?(\s|$)/.test(command)
    )
    .map((command) => `an Ubuntu job apt-installs chromium (a snap wrapper there): ${command.trim().slice(0, 80)}`)
}

/**
 * The step may run on a Windows runner: its job's runners include one, or are not known (a snippet of steps alone, a
 * runs-on expression without a matrix of OSes), and its `if:` does not keep it off Windows.
 */
function mayRunOnWindows(job: Job, step: Step): boolean {
  if (/runner\.os\s*(!=\s*'Windows'|==\s*'(Linux|macOS)')/.test(step.if ?? '')) return false
  return runnersOf(job).some((runner) => runner === '' || /windows|\$\{\{/i.test(runner))
}

/** A variable as bash writes it (`$KIND`, `${KIND}`), not PowerShell's `$env:KIND`. */
const BASH_VARIABLE = /\$\{?[A-Za-z_]\w*\}?(?![\w:])/

/**
 * A `run:` step without `shell:` runs in pwsh on Windows, where `$KIND` is a PowerShell variable, empty: a step that
 * may run there and reads bash's `$VAR` says `shell: bash`. A step that reads the action's outputs (`readsOutputs`)
 * says its shell wherever it runs, so a reader copying it knows which language it is.
 */
export function shellProblems(job: Job, readsOutputs = false): string[] {
  const named = (step: Step): string => step.name ?? step.id ?? (step.run ?? '').split('\n')[0]
  return (job.steps ?? []).flatMap((step) => {
    if (step.run === undefined || (step.shell ?? job.defaults?.run?.shell) !== undefined) return []
    const variable = BASH_VARIABLE.exec(commandsOf(step.run).join('\n'))?.[0]
    if (variable && mayRunOnWindows(job, step))
      return [`step '${named(step)}' reads ${variable} without \`shell: bash\`: on Windows it runs in pwsh`]
    if (readsOutputs && /steps\.[\w-]+\.outputs\./.test(JSON.stringify(step)))
      return [`step '${named(step)}' reads outputs without saying its \`shell:\``]
    return []
  })
}
