// Paths reach PowerShell as data, never as code: a fixed script, and the paths as JSON in one environment variable.
// PowerShell also ends a single-quoted string at ‘ ’ ‚ ‛ (PowerShell-Docs, about_Quoting_Rules), so a link name
// spliced into the script's text, even with every ASCII quote doubled, could run commands. A fake powershell.exe on
// PATH records what each start was handed.
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { askLinkKinds } from '../src/fsops.js'
import { systemSources } from '../src/mount-sources.js'
import { DRIVE_SCRIPT, LINK_KINDS_SCRIPT, POWERSHELL_INPUT, powershellArgs } from '../src/mounts-windows.js'
import { platformFor } from '../src/platform.js'
import { describeUnless } from './helpers/skip.js'

/** Names a link may have on Windows (or on a share a copied tree came from) that would end or escape a string. */
const HOSTILE = [
  "it's",
  'it‘s', // U+2018
  'it’s', // U+2019, the one PowerShell-Docs and gitlab-runner's fix name
  'it‚s', // U+201A
  'it‛s', // U+201B
  'say "hi" “there” „now‟',
  "x'; Remove-Item -Recurse C:\\ ; '",
  'x’; Start-Process calc; ’',
  '$(Stop-Computer)',
  '${env:PATH}',
  '@(1,2)',
  'a;b',
  'back`tick`n',
  '%PATH%',
  'line\nbreak',
  'cr\r\nlf',
  '\u2028sep\u2029',
  'emoji 🔗 名前',
  '\\\\?\\C:\\long\\path'
].map((name) => `C:\\ws\\${name}\\l`)

interface Start {
  script: string
  input: string
}

describeUnless(process.platform === 'win32' ? 'a fake powershell.exe is a sh script: not on Windows' : undefined)(
  'what each PowerShell start is handed',
  () => {
    let dir = ''
    const originalPath = process.env.PATH
    /** Every start so far: the script it was given (decoded) and the environment variable's text. */
    const starts = (): Start[] =>
      fs
        .readdirSync(path.join(dir, 'log'))
        .filter((name) => name.endsWith('.script'))
        .sort((a, b) => parseInt(a) - parseInt(b))
        .map((name) => ({
          script: Buffer.from(fs.readFileSync(path.join(dir, 'log', name), 'utf8'), 'base64').toString('utf16le'),
          input: fs.readFileSync(path.join(dir, 'log', name.replace('.script', '.input')), 'utf8')
        }))
    const answer = (text: string) => fs.writeFileSync(path.join(dir, 'answer'), text)

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-ps-'))
      const fake = [
        '#!/bin/sh',
        `log=${dir}/log; n=$(ls "$log" | wc -l)`,
        'while [ "$1" != -EncodedCommand ]; do shift; done',
        `printf %s "$2" > "$log/$n.script"; printf %s "$${POWERSHELL_INPUT}" > "$log/$n.input"`,
        `cat ${dir}/answer`
      ]
      fs.writeFileSync(path.join(dir, 'powershell.exe'), fake.join('\n') + '\n', { mode: 0o755 })
      process.env.PATH = `${dir}${path.delimiter}${originalPath}`
    })
    beforeEach(() => {
      fs.rmSync(path.join(dir, 'log'), { recursive: true, force: true })
      fs.mkdirSync(path.join(dir, 'log'))
      answer('')
    })
    afterAll(() => {
      process.env.PATH = originalPath
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('hands every path over byte for byte, in a script that is the same whatever the paths', () => {
      for (const name of HOSTILE) askLinkKinds([name])
      askLinkKinds(HOSTILE)
      const all = starts()
      expect(all).toHaveLength(HOSTILE.length + 1)
      expect(new Set(all.map((s) => s.script))).toEqual(new Set([LINK_KINDS_SCRIPT]))
      expect(all.map((s) => JSON.parse(s.input))).toEqual([
        ...HOSTILE.map((name) => ({ paths: [name] })),
        { paths: HOSTILE }
      ])
    })

    it('puts no path into the script text, and runs it without a profile or a prompt', () => {
      expect(powershellArgs(LINK_KINDS_SCRIPT).slice(0, 3)).toEqual([
        '-NoProfile',
        '-NonInteractive',
        '-EncodedCommand'
      ])
      for (const script of [LINK_KINDS_SCRIPT, DRIVE_SCRIPT]) {
        expect(script).toContain(`$env:${POWERSHELL_INPUT}`)
        expect(script).not.toMatch(/[‘’‚‛]|C:\\/)
      }
    })

    it("reads each path's kind from PowerShell's answer, by index", () => {
      answer('1|Junction|True\r\n0|SymbolicLink|False\r\n')
      expect(askLinkKinds(['C:\\ws\\f', 'C:\\ws\\j', 'C:\\ws\\gone'])).toEqual(['file', 'junction', undefined])
    })

    it('splits a batch too big for one environment variable (32,767 characters), asking each path once, in order', () => {
      const paths = Array.from({ length: 300 }, (_, i) => `C:\\ws\\${'d'.repeat(200)}\\${i}’\\l`)
      const kinds = askLinkKinds(paths)
      const all = starts()
      expect(kinds).toHaveLength(300)
      expect(all.length).toBeGreaterThan(1)
      expect(all.length).toBeLessThanOrEqual(3)
      for (const start of all) expect(start.input.length).toBeLessThan(32_767)
      expect(all.flatMap((s) => (JSON.parse(s.input) as { paths: string[] }).paths)).toEqual(paths)
    })

    it('asks about a drive through the same fixed script, with the root as data, and only a drive root', () => {
      const win32 = systemSources(platformFor('win32'))
      win32.driveInfo('D:\\')
      expect(starts()).toEqual([{ script: DRIVE_SCRIPT, input: JSON.stringify({ root: 'D:\\' }) }])
      expect(() => win32.driveInfo("D:\\'; Remove-Item C:\\ -Recurse; '")).toThrow('not a drive root')
      expect(() => win32.driveInfo('\\\\srv\\share\\')).toThrow('not a drive root')
      expect(starts()).toHaveLength(1)
    })
  }
)
