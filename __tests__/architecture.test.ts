// The shape of src/: every module has a layer, imports only from its own layer or below, and no imports go round
// in a cycle (type-only imports included: a cycle of types is a cycle of ideas). A new module must be given a layer.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { familyFacts, type Family } from '../src/families.js'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))

/** Lowest first: the data, then what knows the world, then the pipeline's stages in order, then what runs them. */
const LAYERS: string[][] = [
  [
    'model.ts',
    'errors.ts',
    'platform.ts',
    'roles.ts',
    'mount-table.ts',
    'names.ts',
    'own.ts',
    'last-answers.ts',
    'young-generation.ts'
  ],
  ['inputs.ts', 'spec/text.ts'],
  ['families.ts'],
  ['fsops.ts', 'claim.ts', 'knowledge.ts', 'mount-sources.ts', 'mounts.ts', 'mounts-macos.ts', 'mounts-windows.ts'],
  ['copy-proof.ts'],
  ['restore-copy.ts'],
  ['case-rules.ts'],
  ['settings.ts'],
  ['spec/entry.ts', 'spec/keys.ts', 'spec/dependents.ts', 'spec/runner.ts'],
  ['spec/lines.ts', 'spec/fields.ts', 'spec/resolve.ts'],
  ['spec/yaml.ts'],
  ['spec/index.ts'],
  ['capture/walk.ts', 'capture/leads.ts'],
  ['capture/groups.ts'],
  ['capture/entries.ts'],
  ['capture/write.ts'],
  ['capture/index.ts'],
  ['parent.ts'],
  ['remove.ts', 'cleanup.ts', 'undo-state.ts'],
  ['plan/context.ts'],
  ['plan/link-plan.ts'],
  ['plan/planned-disk.ts'],
  ['plan/resolve.ts', 'plan/kinds.ts', 'plan/recognise.ts', 'plan/copies.ts', 'plan/windows-ways.ts'],
  ['plan/link-text.ts', 'plan/decide.ts', 'plan/removal.ts', 'plan/gone-shares.ts', 'plan/outside.ts'],
  ['plan/settled.ts'],
  ['plan/index.ts'],
  ['result.ts'],
  ['predict.ts'],
  ['apply/context.ts'],
  ['apply/kept-kinds.ts'],
  ['apply/evidence.ts', 'apply/copy.ts'],
  ['apply/step-error.ts', 'apply/aside-room.ts'],
  ['apply/make.ts', 'apply/parents.ts', 'apply/swap-copy.ts'],
  ['apply/verify.ts', 'apply/probe.ts', 'apply/replace.ts'],
  ['apply/failed-outcome.ts'],
  ['apply/removal.ts'],
  ['apply/index.ts'],
  ['make-link.ts'],
  ['undo-record.ts'],
  ['share/protocol.ts', 'share/call-slots.ts', 'share/lanes.ts'],
  ['share/lane.ts'],
  ['share/supervisor.ts'],
  ['share/index.ts'],
  ['executor.ts'],
  ['share/executor.ts'],
  ['executors.ts'],
  ['present.ts'],
  ['tally.ts'],
  ['summary.ts'],
  ['report.ts', 'capture/report.ts'],
  ['main.ts', 'post.ts'],
  ['index.ts']
]

/** A module's path under src/ with forward slashes on every OS, as LAYERS names it. */
const underSrc = (full: string): string => path.relative(SRC, full).split(path.sep).join('/')

function modules(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return modules(full)
    return entry.name.endsWith('.ts') ? [underSrc(full)] : []
  })
}

/** The src modules a module imports, by their path under src/. */
function importsOf(module: string): string[] {
  const text = fs.readFileSync(path.join(SRC, module), 'utf8')
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '(\.{1,2}\/[^']+)'/gms)].map(([, spec]) =>
    underSrc(path.resolve(SRC, path.dirname(module), spec.replace(/\.js$/, '.ts')))
  )
}

/** The names a module imports by name, with the module they come from (under src/, as importsOf gives it). */
function namedImportsOf(module: string): [string, string][] {
  const text = fs.readFileSync(path.join(SRC, module), 'utf8')
  return [...text.matchAll(/^import\b(?: type)? \{([^}]*)\} from '(\.{1,2}\/[^']+)'/gm)].flatMap(([, names, spec]) => {
    const from = underSrc(path.resolve(SRC, path.dirname(module), spec.replace(/\.js$/, '.ts')))
    return names
      .split(',')
      .map((name) => name.replace(/^\s*type\s+/, '').trim())
      .filter(Boolean)
      .map((name): [string, string] => [name, from])
  })
}

/** The src modules a module needs at run time: every import or re-export but those of types alone. */
function valueImportsOf(module: string): string[] {
  const text = fs.readFileSync(path.join(SRC, module), 'utf8')
  const statements = [...text.matchAll(/^(?:import|export)\b([^;]*?)\bfrom '(\.{1,2}\/[^']+)'/gms)]
  const typesAlone = (clause: string): boolean =>
    /^\s*type\b/.test(clause) ||
    (/^\s*\{([^}]*)\}\s*$/.test(clause) &&
      clause
        .replace(/[{}]/g, '')
        .split(',')
        .filter((name) => name.trim() !== '')
        .every((name) => /^\s*type\s/.test(name)))
  return statements
    .filter(([, clause]) => !typesAlone(clause))
    .map(([, , spec]) => underSrc(path.resolve(SRC, path.dirname(module), spec.replace(/\.js$/, '.ts'))))
}

/** What the engine may ask families.ts: questions about a filesystem, never which family it is. */
const FAMILY_QUESTIONS = ['quirksOf', 'misreports', 'canHang', 'isShareGone']

/** The family names (`'sshfs'`) a module writes as string literals. */
function familyNamesIn(module: string): string[] {
  const text = fs.readFileSync(path.join(SRC, module), 'utf8')
  return [...text.matchAll(/'([\w.-]+)'/g)]
    .map(([, word]) => word)
    .filter((w) => familyFacts(w as Family) !== undefined)
}

const layerOf = new Map(LAYERS.flatMap((names, layer) => names.map((name) => [name, layer] as const)))
const graph = new Map(modules().map((m) => [m, importsOf(m)]))

describe('src/ layout', () => {
  it('gives every module a layer', () => {
    expect([...graph.keys()].filter((m) => !layerOf.has(m))).toEqual([])
  })

  it('imports only from the same layer or below', () => {
    const upward = [...graph].flatMap(([m, imports]) =>
      imports.filter((i) => layerOf.get(i)! > layerOf.get(m)!).map((i) => `${m} → ${i}`)
    )
    expect(upward).toEqual([])
  })

  it('has no import cycle', () => {
    const cycles: string[] = []
    const done = new Set<string>()
    const visit = (m: string, trail: string[]): void => {
      if (trail.includes(m)) {
        cycles.push([...trail.slice(trail.indexOf(m)), m].join(' → '))
        return
      }
      if (done.has(m)) return
      for (const next of graph.get(m) ?? []) visit(next, [...trail, m])
      done.add(m)
    }
    for (const m of graph.keys()) visit(m, [])
    expect(cycles).toEqual([])
  })

  // Adding a family is adding its row in families.ts and its knowledge rows: the engine asks quirksOf and the like.
  it('keeps plan/ and apply/ from naming a family: no familyOf, no family table or name, only questions', () => {
    const engine = [...graph.keys()].filter((m) => /^(plan|apply)\//.test(m))
    const naming = engine.flatMap((m) => [
      ...namedImportsOf(m)
        .filter(([name, from]) => /^famil/i.test(name) || (from === 'families.ts' && !FAMILY_QUESTIONS.includes(name)))
        .map(([name, from]) => `${m} imports ${name} from ${from}`),
      ...familyNamesIn(m).map((name) => `${m} names '${name}'`)
    ])
    expect(engine.length).toBeGreaterThan(10)
    expect(naming).toEqual([])
  })

  // Apply carries out a plan as it stands; where the disk may have changed, the executors plan again (make-link.ts).
  it('keeps apply/ from planning: it takes types alone from plan/', () => {
    const apply = [...graph.keys()].filter((m) => m.startsWith('apply/'))
    const planning = apply.flatMap((m) =>
      valueImportsOf(m)
        .filter((from) => from.startsWith('plan/'))
        .map((from) => `${m} → ${from}`)
    )
    expect(apply.length).toBeGreaterThan(10)
    expect(apply.filter((m) => importsOf(m).some((from) => from.startsWith('plan/'))).length).toBeGreaterThan(5)
    expect(planning).toEqual([])
  })

  it('reads the import graph it checks (index.ts reaches main.ts; share/index.ts the share worker)', () => {
    expect(graph.get('index.ts')).toEqual(expect.arrayContaining(['main.ts']))
    expect(graph.get('share/index.ts')).toEqual(expect.arrayContaining(['share/supervisor.ts', 'share/lane.ts']))
  })
})
