// The command line of `npm start`: its flags (every action.yml input is one, so they cannot drift), the usage text,
// and the action's workflow commands rendered for a terminal instead of the runner.
import { parseArgs } from 'node:util'
import { ACTION } from './run-action.mjs'

/** Inputs with a flag of their own elsewhere: the spec is FILE, the working directory --dir. */
const OWN = new Set(['links', 'working-directory'])

/** A boolean input gets a flag that flips its default: `--dry-run` (default false), `--no-summary` (default true). */
function inputFlag(name, input) {
  const fallback = String(input.default ?? '')
  if (fallback === 'false') return { flag: name, input: name, value: 'true' }
  if (fallback === 'true') return { flag: `no-${name}`, input: name, value: 'false' }
  return { flag: name, input: name }
}

const INPUT_FLAGS = Object.entries(ACTION.inputs)
  .filter(([name]) => !OWN.has(name))
  .map(([name, input]) => ({ ...inputFlag(name, input), description: input.description }))

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

export function usage() {
  const inputs = INPUT_FLAGS.map(({ flag, input, value, description }) => {
    const name = value ? `--${flag}` : `--${flag} ${input.replace(/-/g, '_').toUpperCase()}`
    const fallback = value ? '' : ` (default: ${ACTION.inputs[input].default || 'empty'})`
    return `  ${name}\n${wrap(description + fallback, '      ')}`
  })
  return [
    SYNOPSIS,
    '',
    'Runs the bundled action (dist/index.js) on the spec in FILE, as a workflow step would, and prints its log.',
    'FILE and DIR are relative to the directory you run npm from; FILE defaults to examples/links.txt.',
    '',
    ...OWN_FLAGS.map(([flag, text]) => `  ${flag}\n${wrap(text, '      ')}`),
    '',
    'Inputs of action.yml (the Inputs table of README.md):',
    ...inputs
  ].join('\n')
}

/** Thrown for what the user typed wrong: the message, then the usage, exit 2. */
export class UsageError extends Error {}

/** `{ file, dir, keepResults, debug, help, inputs }` from the command line, or a UsageError. */
export function parseCommandLine(args) {
  const options = {
    dir: { type: 'string' },
    'keep-results': { type: 'boolean' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...Object.fromEntries(INPUT_FLAGS.map(({ flag, value }) => [flag, { type: value ? 'boolean' : 'string' }]))
  }
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error.message)
  }
  const { values, positionals } = parsed
  if (positionals.length > 1) throw new UsageError(`one spec FILE at most, got ${positionals.length}`)
  const inputs = {}
  for (const { flag, input, value } of INPUT_FLAGS) {
    if (values[flag] !== undefined) inputs[input] = value ?? values[flag]
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

/** One line of the action's stdout as a terminal shows it; undefined for lines that show nothing. */
export function renderLine(line, { debug = false } = {}) {
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
