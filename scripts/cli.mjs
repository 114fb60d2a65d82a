// The command line of `npm start`: its flags (every action.yml input is one, so they cannot drift), the usage text,
// and the action's workflow commands rendered for a terminal instead of the runner.
import { parseArgs } from 'node:util'
import { ACTION } from './run-action.mjs'

/** Inputs with a flag of their own elsewhere: the spec is FILE, the working directory --dir. */
const OWN = new Set(['links', 'working-directory'])

/** A boolean input (default true or false) takes `--X`, `--no-X`, `--X true|false` and `--X=true|false`. */
const isBoolean = (input) => ['true', 'false'].includes(String(input.default ?? ''))

const INPUT_FLAGS = Object.entries(ACTION.inputs)
  .filter(([name]) => !OWN.has(name))
  .map(([name, input]) => ({ flag: name, input: name, boolean: isBoolean(input), description: input.description }))

const OWN_FLAGS = [
  [
    '--dir DIR',
    'work in DIR (the working-directory input); default: a temporary copy of examples/workspace, removed afterwards'
  ],
  ['--keep-results', 'keep the JSON file with every result (the results-file output) and print its path'],
  ['--debug', "show the action's debug messages"],
  ['--help', 'show this text']
]

/** Wraps text to `width` columns, every line indented by `indent`. */
function wrap(text, indent, width = 100) {
  const lines = []
  let line = ''
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return [...lines, indent + line].join('\n')
}

export const SYNOPSIS = 'usage: npm start -- [FILE] [--dir DIR] [--keep-results] [--debug] [INPUT FLAGS]'

/** How the help names an input's flag, and says what its default is. */
function helpEntry({ flag, input, boolean, description }) {
  const byDefault = String(ACTION.inputs[input].default ?? '')
  if (!boolean) {
    const name = `--${flag} ${input.replace(/-/g, '_').toUpperCase()}`
    return `  ${name}\n${wrap(`${description} (default: ${byDefault || 'empty'})`, '      ')}`
  }
  const on = byDefault === 'true'
  const what = `${description} On by default: --no-${flag} turns it off.`
  const off = `${description} Off by default: --${flag} turns it on.`
  return `  --${flag}, --no-${flag}\n${wrap(on ? what : off, '      ')}`
}

export function usage() {
  return [
    SYNOPSIS,
    '',
    'Runs the bundled action (dist/index.js) on the spec in FILE, as a workflow step would, and prints its log.',
    'FILE and DIR are relative to the directory you run npm from; FILE defaults to examples/links.txt.',
    '',
    ...OWN_FLAGS.map(([flag, text]) => `  ${flag}\n${wrap(text, '      ')}`),
    '',
    'Inputs of action.yml (the Inputs table of README.md); a switch also takes true or false (--dry-run false):',
    ...INPUT_FLAGS.map(helpEntry)
  ].join('\n')
}

/** Thrown for what the user typed wrong: the message, then the usage, exit 2. */
export class UsageError extends Error {}

/** Every flag the command line knows, and whether it takes a value. */
const FLAGS = new Map([
  ['dir', 'string'],
  ['keep-results', 'boolean'],
  ['debug', 'boolean'],
  ['help', 'boolean'],
  ...INPUT_FLAGS.flatMap(({ flag, boolean }) =>
    boolean
      ? [
          [flag, 'boolean'],
          [`no-${flag}`, 'boolean']
        ]
      : [[flag, 'string']]
  )
])

/** How many single-letter edits turn a into b (Levenshtein). */
function distance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]
}

/** The known flag nearest to `name`, if one is close enough to be what was meant. */
export function nearestFlag(name) {
  const squeezed = (text) => text.replace(/[-_]/g, '')
  let best
  for (const flag of FLAGS.keys()) {
    const d = squeezed(flag) === squeezed(name) ? 0 : distance(flag, name)
    if (d <= Math.max(1, Math.floor(flag.length / 4)) && (!best || d < best.d)) best = { flag, d }
  }
  return best?.flag
}

/**
 * The arguments with every switch in the one form parseArgs takes: `--X true`, `--X=false` become `--X` or `--no-X`.
 * An unknown flag is a UsageError that names the nearest known one.
 */
function normalized(args) {
  const out = []
  for (let i = 0; i < args.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(args[i])
    if (!match || args[i] === '--') {
      out.push(args[i])
      continue
    }
    const [, name, inline] = match
    if (!FLAGS.has(name)) {
      const near = nearestFlag(name)
      throw new UsageError(`there is no flag --${name}${near ? `: did you mean --${near}?` : ''}`)
    }
    if (FLAGS.get(name) !== 'boolean') {
      out.push(args[i])
      continue
    }
    let value = inline
    if (value === undefined && ['true', 'false'].includes(args[i + 1])) value = args[++i]
    if (value !== undefined && !['true', 'false'].includes(value))
      throw new UsageError(`--${name} takes true or false, not '${value}'`)
    const negated = name.startsWith('no-') && FLAGS.has(name.slice(3))
    const on = (value ?? 'true') === 'true' ? !negated : negated
    const base = negated ? name.slice(3) : name
    if (on) out.push(`--${base}`)
    else if (FLAGS.has(`no-${base}`)) out.push(`--no-${base}`) // off where off is not the default: say so
  }
  return out
}

/**
 * The flags npm kept for itself when `--` was left out of `npm start --dir x`: it warns "Unknown cli config", sets
 * npm_config_dir and passes the script only the values. A plain `npm start` sets none of these names.
 */
export function eatenByNpm(env) {
  if (env.npm_lifecycle_event !== 'start') return []
  return [...FLAGS.keys()].filter((flag) => env[`npm_config_${flag.replace(/-/g, '_')}`] !== undefined)
}

/** `{ file, dir, keepResults, debug, help, inputs }` from the command line, or a UsageError. */
export function parseCommandLine(args) {
  const options = Object.fromEntries([...FLAGS].map(([flag, type]) => [flag, { type }]))
  options.help.short = 'h'
  let parsed
  try {
    parsed = parseArgs({ args: normalized(args), options, allowPositionals: true, strict: true })
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(error.message)
  }
  const { values, positionals } = parsed
  if (positionals.length > 1) throw new UsageError(`one spec FILE at most, got ${positionals.length}`)
  const inputs = {}
  for (const { flag, input, boolean } of INPUT_FLAGS) {
    if (boolean && values[`no-${flag}`]) inputs[input] = 'false'
    else if (values[flag] !== undefined) inputs[input] = boolean ? 'true' : values[flag]
  }
  return {
    file: positionals[0],
    dir: values.dir,
    keepResults: values['keep-results'] === true,
    debug: values.debug === true,
    help: values.help === true,
    inputs
  }
}

const unescape = (text) =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')

/** `title=ln-action%3A links line 7,file=x,line=7` → `links line 7` (the title already says where). */
function where(properties) {
  const props = Object.fromEntries(
    properties
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))])
  )
  const title = props.title?.replace(/^ln-action: ?/, '')
  const file = props.file && `${props.file}${props.line ? `:${props.line}` : ''}`
  return [title, file && !title?.includes(props.file) ? file : ''].filter(Boolean).join(', ')
}

/**
 * The action's advice in the terms of this command line: `` `overwrite: files` `` becomes `` `--overwrite files` ``,
 * `` `create-parents: false` `` `` `--no-create-parents` ``; what is not an input stays as it is.
 */
export function inCliTerms(text) {
  return text.replace(/`([a-z-]+): ([^`]*)`/g, (whole, name, value) => {
    const input = INPUT_FLAGS.find((f) => f.input === name)
    if (!input) return whole
    if (!input.boolean) return `\`--${name} ${value}\``
    return value === 'false' ? `\`--no-${name}\`` : value === 'true' ? `\`--${name}\`` : whole
  })
}

/** One line of the action's stdout as a terminal shows it; undefined for lines that show nothing. */
export function renderLine(line, options = {}) {
  const shown = renderCommand(line, options)
  return shown === undefined ? undefined : inCliTerms(shown)
}

function renderCommand(line, { debug = false }) {
  const m = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line)
  if (!m) return line
  const [, name, properties = '', data] = m
  const message = unescape(data)
  if (name === 'debug') return debug ? `debug: ${message}` : undefined
  if (name === 'group') return `\n== ${message} ==`
  if (name === 'endgroup') return ''
  if (name === 'error' || name === 'warning' || name === 'notice') {
    const at = where(properties.trim())
    return `${name}: ${at ? `${at}: ` : ''}${message}`
  }
  return line
}
