import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import * as core from '../__fixtures__/core.js'
import { platformFor } from '../src/platform.js'

jest.unstable_mockModule('@actions/core', () => core)
const { getInputs, InputError } = await import('../src/settings.js')
const { wholeText } = await import('../src/spec/text.js')

/** getInputs in a process whose environment is exactly `environment` (core reads inputs from process.env). */
function inputsIn(environment: Env): ReturnType<typeof getInputs> {
  const saved = process.env
  process.env = { ...environment }
  try {
    return getInputs(host)
  } finally {
    process.env = saved
  }
}

/** The settings the inputs give. */
const getSettings = (_: typeof host, environment: Env) => inputsIn(environment).settings

/** This OS's paths: the working directory is a real temp dir here (C:\... on Windows). */
const host = platformFor(process.platform)
let wd: string

beforeAll(() => {
  wd = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-settings-'))
})
afterAll(() => fs.rmSync(wd, { recursive: true, force: true }))

type Env = Record<string, string | undefined>

/** The environment the runner gives the action: `INPUT_<NAME>` per input, names upper-cased, hyphens kept. */
function env(inputs: Record<string, string> = {}, extra: Env = {}): Env {
  const all: Record<string, string> = { links: 'a -> b', 'working-directory': wd, ...inputs }
  return { ...extra, ...Object.fromEntries(Object.entries(all).map(([name, v]) => [`INPUT_${name.toUpperCase()}`, v])) }
}

/** The error getInputs throws for these inputs; fails the test when it does not throw one. */
function inputError(inputs: Record<string, string>, extra: Env = {}): Error {
  try {
    getSettings(host, env(inputs, extra))
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as Error
  }
  throw new Error(`getSettings accepted ${JSON.stringify(inputs)}`)
}

describe('getInputs', () => {
  it('uses the documented defaults when inputs are empty', () => {
    const blank = { type: '', fallback: '  ', relative: '', overwrite: '', 'dry-run': '', timeout: '' }
    const { spec, ...inputs } = inputsIn(env(blank))
    expect(spec && wholeText(spec)).toBe('a -> b')
    expect(inputs).toEqual({
      settings: {
        defaults: { type: 'symlink', fallback: [], relative: 'auto', overwrite: 'never', state: 'present' },
        backupSuffix: '',
        createParents: true,
        workingDirectory: wd,
        confine: true,
        restore: false,
        confineTargets: false,
        dangling: 'warn',
        dryRun: false,
        failOnError: true,
        timeoutMs: 30_000,
        summary: true,
        cleanup: false,
        capture: [],
        captureFile: '.ln-action-links.yml'
      }
    })
  })

  it("reads 'capture' as directories separated by spaces or new lines, quoted when they hold spaces", () => {
    expect(getSettings(host, env({ capture: 'dist/ node_modules\n"my dir" x' })).capture).toEqual([
      'dist/',
      'node_modules',
      'my dir',
      'x'
    ])
    // A step that only captures needs no links.
    expect(inputsIn(env({ links: '', capture: 'dist' })).spec).toBeUndefined()
    expect(inputError({ links: '', capture: '' }).message).toContain("Input 'links' is required unless 'capture'")
    expect(inputError({ capture: '"" dist' }).message).toContain("Input 'capture'")
    expect(inputError({ 'capture-file': '../x.yml' }).message).toContain("Input 'capture-file'")
  })

  it('confines where links lead when restoring (overwrite: copies), unless allow-outside; the spec cannot opt out', () => {
    const confined = (inputs: Record<string, string>) => getSettings(host, env(inputs)).confineTargets
    expect(confined({ overwrite: 'copies' })).toBe(true)
    expect(confined({ overwrite: 'copies', 'allow-outside': 'TRUE' })).toBe(false)
    expect(confined({ overwrite: 'files' })).toBe(false)
    expect(() => confined({ overwrite: 'copies', 'allow-outside': 'yes' })).toThrow(/allow-outside/)
  })

  it('reads every input', () => {
    const settings = getSettings(
      host,
      env({
        type: 'Hardlink',
        fallback: 'symlink, copy',
        relative: 'TRUE',
        overwrite: 'links',
        'backup-suffix': '.orig',
        'create-parents': 'false',
        confine: 'False',
        dangling: 'fail',
        'dry-run': 'true',
        'fail-on-error': 'false',
        timeout: '2.5',
        summary: 'false'
      })
    )
    expect(settings).toMatchObject({
      defaults: { type: 'hardlink', fallback: ['symlink', 'copy'], relative: 'true', overwrite: 'links' },
      backupSuffix: '.orig',
      createParents: false,
      confine: false,
      dangling: 'fail',
      dryRun: true,
      failOnError: false,
      timeoutMs: 2500,
      summary: false
    })
  })

  it.each([
    ['type', 'softlink'],
    ['fallback', 'symlink, link'],
    ['relative', 'sometimes'],
    ['overwrite', 'always'],
    ['dangling', 'ignore'],
    ['dry-run', 'yes'],
    ['summary', '1'],
    ['timeout', '0'],
    ['timeout', 'abc'],
    ['timeout', '-1'],
    ['timeout', '86401'],
    ['timeout', '1x'],
    ['timeout', 'x1'],
    ['backup-suffix', 'old/'],
    ['backup-suffix', '\\bak']
  ])("rejects %s '%s', naming the input and the value", (name, value) => {
    const { message } = inputError({ [name]: value })
    expect(message).toContain(`Input '${name}'`)
    expect(message).toContain(value.split(/[ ,]+/).pop())
  })

  it.each([
    ['86400', 86_400_000],
    ['0.001', 1],
    ['2.25', 2250]
  ])("accepts timeout '%s', the bounds of the documented range (%d ms)", (timeout, ms) => {
    expect(getSettings(host, env({ timeout })).timeoutMs).toBe(ms)
  })

  it('never looks at a working-directory on a share that may hang (its links are checked in a share worker)', () => {
    const saved = process.env
    const onShare = path.join(wd, 'hung-share-not-here')
    process.env = env({ 'working-directory': onShare })
    try {
      expect(getInputs(host, (p) => p === onShare).settings.workingDirectory).toBe(onShare)
    } finally {
      process.env = saved
    }
  })

  it('rejects a working-directory that is a file', () => {
    const file = path.join(wd, 'file.txt')
    fs.writeFileSync(file, '')
    expect(inputError({ 'working-directory': file }).message).toBe(
      `Input 'working-directory' is not a directory: '${file}'.`
    )
  })

  it('rejects a working-directory that does not exist, pointing container jobs at the default', () => {
    const missing = path.join(wd, 'missing')
    const { message } = inputError({ 'working-directory': missing }, { GITHUB_WORKSPACE: '/__w/repo/repo' })
    expect(message).toContain(`Input 'working-directory' is not a directory: '${missing}'`)
    expect(message).toContain('container job')
    expect(message).toContain(
      "leave working-directory empty, its default, which means GITHUB_WORKSPACE ('/__w/repo/repo'"
    )
  })

  it('blames GITHUB_WORKSPACE, not a container, when the input is empty and the workspace is missing', () => {
    const missing = path.join(wd, 'missing')
    const { message } = inputError({ 'working-directory': '' }, { GITHUB_WORKSPACE: missing })
    expect(message).toBe(`Input 'working-directory' is not a directory: '${missing}'.`)
  })

  it('falls back to GITHUB_WORKSPACE when working-directory is empty', () => {
    const settings = getSettings(host, env({ 'working-directory': '' }, { GITHUB_WORKSPACE: wd }))
    expect(settings.workingDirectory).toBe(wd)
  })

  it.each(['', '  \n '])('requires links (%j)', (links) => {
    expect(inputError({ links }).message).toMatch(/^Input 'links' is required/)
  })

  describe('links: @file', () => {
    beforeAll(() => {
      fs.mkdirSync(path.join(wd, 'ci'))
      fs.writeFileSync(path.join(wd, 'ci', 'links.txt'), '# from a file\nsub/l -> data/x\n')
    })

    it('reads the spec from a file relative to working-directory', () => {
      const { settings, spec } = inputsIn(env({ links: '  @ci/links.txt\n' }))
      expect(spec && wholeText(spec)).toBe('# from a file\nsub/l -> data/x\n')
      expect(settings.specFile).toBe(path.join(wd, 'ci', 'links.txt'))
    })

    it('takes the file name after @ and its spaces', () => {
      expect(inputsIn(env({ links: '@ ci/links.txt' })).settings.specFile).toBe(path.join(wd, 'ci', 'links.txt'))
    })

    it('says which file it could not read', () => {
      const { message } = inputError({ links: '@ci/missing.txt' })
      expect(message).toContain("Input 'links' names the file")
      expect(message).toContain(path.join(wd, 'ci', 'missing.txt'))
      expect(message).toContain('ENOENT')
    })

    it.each([
      ['a link line starting with @', '@scope/pkg -> node_modules/@scope/pkg'],
      ['several lines', '@ci/links.txt\n@ci/more.txt'],
      ['one line without @', 'ci/links.txt']
    ])('is not a file when it is %s', (_, links) => {
      const { settings, spec } = inputsIn(env({ links }))
      expect(spec && wholeText(spec)).toBe(links)
      expect(settings.specFile).toBeUndefined()
    })
  })

  describe('agrees with action.yml', () => {
    const action = parseYaml(fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string; required?: boolean; description?: string }>
    }
    const names = Object.keys(action.inputs)
    const optional = names.filter((name) => name !== 'links' && name !== 'working-directory')

    it('declares links required unless capture is given, working-directory empty (GITHUB_WORKSPACE, in containers too)', () => {
      expect(action.inputs.links.required).toBe(false)
      expect(action.inputs.links.description).toContain('Required unless `capture` is given')
      expect(action.inputs['working-directory'].default).toBe('')
      expect(optional.length).toBeGreaterThanOrEqual(10)
    })

    it.each(optional)("default of '%s' is what getSettings uses for an empty input", (name) => {
      const value = action.inputs[name].default
      expect(typeof value).toBe('string')
      expect(getSettings(host, env({ [name]: String(value) }))).toEqual(getSettings(host, env({ [name]: '' })))
    })

    // Any name is a directory `capture` may be given (a missing one is that directory's own error, when captured).
    const checked = names.filter((name) => name !== 'links' && name !== 'capture')
    it.each(checked)("reads '%s': a wrong value is an error naming it", (name) => {
      expect(inputError({ [name]: 'not/valid' }).message).toContain(`Input '${name}'`)
    })
  })
})
