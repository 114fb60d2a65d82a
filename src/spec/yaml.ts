// A YAML/JSON spec: a list of objects, each read into its fields with their lines (fields.ts makes the entry).
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLError } from 'yaml'
import type { LinkOptions, SpecEntry, SpecProblem } from '../model.js'
import { entryFromFields, type Fields } from './fields.js'

/**
 * The parser's errors in a person's words, one per line: what follows the first error on a line says nothing new (a
 * tab in the indentation gave three), and the line is named already. A tab there is the usual cause: said plainly.
 */
function yamlProblems(errors: readonly YAMLError[], text: string): SpecProblem[] {
  const byLine = new Map<number, string>()
  for (const error of errors) {
    const line = error.linePos?.[0].line ?? 1
    if (byLine.has(line)) continue
    const written = text.split('\n', line)[line - 1] ?? ''
    const said = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    byLine.set(
      line,
      /^ *\t/.test(written) ? 'YAML: a tab in the indentation; YAML indents with spaces only' : `YAML: ${said}`
    )
  }
  return [...byLine].map(([line, message]) => ({ line, message }))
}

/** Each entry as its item is read; the spec's problems into `problems`. */
export function* parseYaml(text: string, defaults: LinkOptions, problems: SpecProblem[]): Generator<SpecEntry> {
  const lineCounter = new LineCounter()
  // failsafe: every scalar is text as written, so `path: 1.10` stays "1.10" and `007` stays "007".
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'failsafe' })
  const lineOf = (node: { range?: readonly number[] | null } | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1
  const errors = yamlProblems(doc.errors, text)
  if (errors.length > 0) return void problems.push(...errors)
  if (!isSeq(doc.contents)) return void problems.push({ line: 1, message: 'a YAML spec must be a list' })

  for (const item of doc.contents.items as YamlNode[]) {
    const line = lineOf(item)
    if (!isMap(item)) {
      problems.push({ line, message: 'each list item must be an object with path and target' })
      continue
    }
    const fields: Fields = new Map()
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      // toJS with the document resolves aliases (`*anchor`), as YAML writers emit for shared lists.
      const value = (pair.value as YamlNode | null)?.toJS(doc)
      fields.set(key, { value, line: lineOf(pair.key as YamlNode) })
    }
    const entry = entryFromFields(fields, line, defaults, problems)
    const endLine = item.range ? lineCounter.linePos(Math.max(item.range[0], item.range[1] - 1)).line : line
    if (entry) yield endLine > line ? { ...entry, endLine } : entry
  }
}
