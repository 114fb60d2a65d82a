import { describe, expect, it } from '@jest/globals'
import { BOUND, BoundedMap, BoundedSet } from '../src/bounded.js'

describe('BoundedMap and BoundedSet', () => {
  it(`hold ${BOUND} entries, and forget them all for the next new one`, () => {
    const [map, set] = [new BoundedMap<string, number>(), new BoundedSet<string>()]
    const held = Array.from({ length: BOUND }, (_, i) => `d${i}`)
    held.forEach((d, i) => {
      map.set(d, i)
      set.add(d)
    })
    expect(held.every((d, i) => map.get(d) === i && set.has(d))).toBe(true)
    map.set('new', -1)
    set.add('new')
    expect([map.get('new'), set.has('new')]).toEqual([-1, true])
    expect(held.some((d) => map.get(d) !== undefined || set.has(d))).toBe(false)
  })

  it('forget nothing when full for an entry they hold already, and let one go when told', () => {
    const [map, set] = [new BoundedMap<string, number>(2), new BoundedSet<string>(2)]
    for (const d of ['a', 'b', 'a']) {
      map.set(d, d.length)
      set.add(d)
    }
    expect([map.get('a'), map.get('b'), set.has('a'), set.has('b')]).toEqual([1, 1, true, true])
    set.delete('a')
    expect([set.has('a'), set.has('b')]).toEqual([false, true])
  })
})
