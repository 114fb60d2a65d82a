// The input names and defaults settings.ts and the tests read (src/inputs.ts) are action.yml's: the runner passes
// action.yml's default when an input is left out, and settings.ts's when it is given empty; the two must agree.
import * as fs from 'node:fs'
import { parse } from 'yaml'
import { DEFAULTS, INPUT } from '../src/inputs.js'

interface ActionInput {
  required?: boolean
  default?: string
}
const action = parse(fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, ActionInput>
}

/** A default as action.yml writes it: text, a list of kinds comma-separated. */
const written = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value))

describe('src/inputs.ts', () => {
  it("names action.yml's inputs, every one and no other", () => {
    expect(Object.values(INPUT).sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it("holds action.yml's default of every input but links, required unless capture is given", () => {
    const { links, ...withDefaults } = INPUT
    expect(action.inputs[links]).toEqual(expect.objectContaining({ required: false }))
    expect(action.inputs[links].default).toBeUndefined()
    const inAction = Object.entries(withDefaults).map(([setting, name]) => [setting, action.inputs[name].default])
    const inSource = Object.keys(withDefaults).map((setting) => [
      setting,
      written(DEFAULTS[setting as keyof typeof DEFAULTS])
    ])
    expect(inSource).toEqual(inAction)
  })
})
