// README tables are generated from action.yml: this test fails when they drift, and `npm run docs` rewrites them.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ACTION, ROOT } from '../scripts/run-action.mjs'
import { troubleshootingRows } from '../src/knowledge.js'

const README = path.join(ROOT, 'README.md')
const rewrite = process.env.npm_lifecycle_event === 'docs'

const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()

const sections: Record<string, () => string> = {
  inputs: () =>
    [
      '| Input | Default | Description |',
      '| --- | --- | --- |',
      ...Object.entries(ACTION.inputs).map(
        ([name, input]) =>
          `| \`${name}\` | ${input.required ? '(required)' : input.default ? `\`${cell(String(input.default))}\`` : '(empty)'} | ${cell(input.description)} |`
      )
    ].join('\n'),
  outputs: () =>
    [
      '| Output | Description |',
      '| --- | --- |',
      ...Object.entries(ACTION.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
    ].join('\n'),
  troubleshooting: () =>
    [
      '| errno | from | where | fallback? | what it means | what to do |',
      '| --- | --- | --- | --- | --- | --- |',
      ...troubleshootingRows().map((row) => `| ${row.map(cell).join(' | ')} |`)
    ].join('\n')
}

describe('README', () => {
  let readme = fs.readFileSync(README, 'utf8')
  afterAll(() => {
    if (rewrite) fs.writeFileSync(README, readme)
  })

  it.each(Object.keys(sections))('has the %s table generated from the source', (name) => {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
    expect(readme).toMatch(pattern)
    const fresh = readme.replace(pattern, `$1${sections[name]()}\n$2`)
    if (rewrite) readme = fresh
    else expect(readme).toBe(fresh) // out of date: run `npm run docs`
  })
})
