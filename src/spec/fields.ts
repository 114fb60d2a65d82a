// One object of a YAML/JSON spec, its fields read and checked, becomes an entry; each problem on its field's line.
import {
  entryOverwrite,
  LINK_TYPES,
  OVERWRITE_MODES,
  RELATIVE_MODES,
  RUNNER_OSES,
  STATES,
  TARGET_TYPES,
  parseKinds,
  type LinkOptions,
  type RunnerOs,
  type SpecEntry,
  type SpecProblem
} from '../model.js'
import { oneOf } from '../inputs.js'
import { checkPathText } from './entry.js'

/** An object's fields by key: the value as YAML gives it, and the line of the key. */
export type Fields = Map<string, { value: unknown; line: number }>

const FIELDS = [
  'path',
  'target',
  'text',
  'type',
  'fallback',
  'relative',
  'overwrite',
  'target-type',
  'state',
  'os',
  'literal'
] as const

/** `os`: one runner OS or a list of them, as `runner.os` names them, in any case; undefined where not given. */
function osField(fields: Fields, problems: SpecProblem[]): RunnerOs[] | undefined {
  const field = fields.get('os')
  if (field === undefined) return undefined
  const items: unknown[] = Array.isArray(field.value) ? field.value : [field.value]
  if (items.length === 0)
    problems.push({ line: field.line, message: `'os' names no runner; use ${RUNNER_OSES.join(', ')}` })
  const named = new Set<RunnerOs>()
  for (const item of items) {
    const chosen = oneOf('os', RUNNER_OSES, typeof item === 'string' ? item.trim() : JSON.stringify(item))
    if ('value' in chosen) named.add(chosen.value)
    // `ubuntu-latest` is what a matrix says: the runner's OS is what `os` matches.
    else problems.push({ line: field.line, message: `${chosen.problem} (the runner's OS as runner.os names it)` })
  }
  return [...named]
}

/**
 * `text`: the exact link text, not trimmed (a captured `a/../b` or ` x` comes back byte for byte). It says where the
 * link leads, so `target` and `relative` beside it would say it twice, and a hard link has no text.
 */
function exactText(
  field: { value: unknown; line: number },
  fields: Fields,
  type: string,
  problems: SpecProblem[]
): string | undefined {
  if (typeof field.value !== 'string') {
    problems.push({ line: field.line, message: "'text' must be a string" })
    return undefined
  }
  checkPathText(field.value, "'text'", field.line, problems)
  for (const other of ['target', 'relative'].filter((name) => fields.has(name)))
    problems.push({ line: field.line, message: `'text' is the link text as written: drop '${other}' beside it` })
  if (type === 'hardlink')
    problems.push({ line: field.line, message: "'text' is a symbolic link's; a hard link has none" })
  return field.value
}

export function entryFromFields(
  fields: Fields,
  line: number,
  defaults: LinkOptions,
  problems: SpecProblem[]
): SpecEntry | undefined {
  const before = problems.length
  for (const [key, { line: keyLine }] of fields) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      problems.push({ line: keyLine, message: `unknown field '${key}'; allowed: ${FIELDS.join(', ')}` })
    }
  }
  /** A path field: missing, not text, empty or with a NUL is a problem on the field's own line. */
  const pathField = (name: string): string => {
    const field = fields.get(name)
    if (field === undefined) {
      problems.push({ line, message: `missing '${name}'` })
      return ''
    }
    if (typeof field.value !== 'string' && typeof field.value !== 'number') {
      problems.push({ line: field.line, message: `'${name}' must be a string` })
      return ''
    }
    const value = String(field.value).trim()
    checkPathText(value, `'${name}'`, field.line, problems)
    return value
  }
  const choiceField = <T extends string>(name: string, allowed: readonly T[], byDefault: T): T => {
    const field = fields.get(name)
    if (field === undefined) return byDefault
    const value = typeof field.value === 'string' || typeof field.value === 'boolean' ? String(field.value) : ''
    const written = typeof field.value === 'string' ? field.value : JSON.stringify(field.value)
    const chosen = oneOf(name, allowed, value, written)
    if ('value' in chosen) return chosen.value
    problems.push({ line: field.line, message: chosen.problem })
    return byDefault
  }
  const options: LinkOptions = {
    type: choiceField('type', LINK_TYPES, defaults.type),
    fallback: defaults.fallback,
    relative: choiceField('relative', RELATIVE_MODES, defaults.relative),
    overwrite: entryOverwrite(choiceField('overwrite', OVERWRITE_MODES, defaults.overwrite), defaults.overwrite),
    targetType: fields.has('target-type') ? choiceField('target-type', TARGET_TYPES, 'file') : defaults.targetType,
    state: fields.has('state') ? choiceField('state', STATES, 'present') : defaults.state
  }
  const fallbackField = fields.get('fallback')
  if (fallbackField !== undefined) {
    const items = Array.isArray(fallbackField.value) ? fallbackField.value : [fallbackField.value ?? '']
    if (!items.every((item) => typeof item === 'string')) {
      problems.push({ line: fallbackField.line, message: "'fallback' must be a list of link kinds or a string" })
    } else {
      const parsed = parseKinds(items.join(','))
      if ('kinds' in parsed) options.fallback = parsed.kinds
      else problems.push({ line: fallbackField.line, message: `'fallback': ${parsed.problem}` })
    }
  }
  const path = pathField('path')
  const textField = fields.get('text')
  const text = textField && exactText(textField, fields, options.type, problems)
  // An entry that removes needs only PATH: with TARGET, only a link leading there goes. An exact text is its TARGET.
  const target = textField
    ? (text ?? '')
    : options.state === 'absent' && !fields.has('target')
      ? ''
      : pathField('target')
  const os = osField(fields, problems)
  const literal = choiceField('literal', ['true', 'false'] as const, 'false') === 'true'
  if (problems.length > before) return undefined
  // Most entries have none of these: they keep the shape of a line's entry.
  const extra = { ...(text !== undefined ? { text } : {}), ...(os ? { os } : {}), ...(literal ? { literal } : {}) }
  return { line, path, target, options, ...extra }
}
