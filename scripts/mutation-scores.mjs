// The mutation score of each module, from Stryker's JSON report (reports/mutation/mutation.json by default), as a
// Markdown table; exits 1 when a module with mutants scores under the floor. Stryker's own `break` judges a run's
// total only, where a weak module hides behind strong ones.
//
//   node scripts/mutation-scores.mjs [REPORT] [--floor 85]
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Detected mutants count for the score; those no test ran (no coverage) against it; invalid ones not at all. */
const DETECTED = new Set(['Killed', 'Timeout'])
const UNDETECTED = new Set(['Survived', 'NoCoverage'])

/** Per file: detected, undetected and the score in percent (undefined for a file with no valid mutant). */
export function scores(report) {
  return Object.entries(report.files)
    .map(([file, { mutants }]) => {
      const detected = mutants.filter((m) => DETECTED.has(m.status)).length
      const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length
      const valid = detected + undetected
      return { file, detected, undetected, score: valid === 0 ? undefined : (100 * detected) / valid }
    })
    .sort((a, b) => a.file.localeCompare(b.file))
}

export function table(rows, floor) {
  const line = ({ file, detected, undetected, score }) => {
    const shown =
      score === undefined ? 'no mutants' : `${score.toFixed(1)}%${score < floor ? ' (under the floor)' : ''}`
    return `| ${file} | ${shown} | ${detected} | ${undetected} |`
  }
  return ['| module | score | detected | undetected |', '| --- | --- | --- | --- |', ...rows.map(line)].join('\n')
}

function main(argv) {
  const floorAt = argv.indexOf('--floor')
  const floor = floorAt === -1 ? 85 : Number(argv[floorAt + 1])
  const file =
    argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--floor') ?? 'reports/mutation/mutation.json'
  const rows = scores(JSON.parse(fs.readFileSync(file, 'utf8')))
  console.log(table(rows, floor))
  const under = rows.filter((r) => r.score !== undefined && r.score < floor)
  if (under.length > 0) {
    console.error(`under ${floor}%: ${under.map((r) => r.file).join(', ')}`)
    process.exitCode = 1
  }
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main(process.argv.slice(2))
