import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStateObservations } from './state-observations'

async function stateDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hush-observations-'))
}

describe('state observations', () => {
  it('keeps a run of equal readings as one span and starts another when the value changes', async () => {
    const observations = openStateObservations(await stateDir())
    await observations.record('srv', [{ key: 'pref:RelayEnabled', value: true }], 1000)
    await observations.record('srv', [{ key: 'pref:RelayEnabled', value: true }], 2000)
    await observations.record('srv', [{ key: 'pref:RelayEnabled', value: false }], 3000)
    await observations.record('srv', [{ key: 'pref:RelayEnabled', value: false }], 9000)
    expect((await observations.spans('srv')).get('pref:RelayEnabled')).toEqual([
      { value: true, from: 1000, to: 2000 },
      { value: false, from: 3000, to: 9000 },
    ])
    expect((await observations.spans('other')).size).toBe(0)
  })

  it('survives concurrent readings and a reopen, and moves a corrupt file aside', async () => {
    const dir = await stateDir()
    const first = openStateObservations(dir)
    await Promise.all(
      [1, 2, 3, 4].map(n => first.record('srv', [{ key: `pref:P${n}`, value: n }], n * 1000)),
    )
    const again = openStateObservations(dir)
    expect([...(await again.spans('srv')).keys()].sort()).toEqual([
      'pref:P1',
      'pref:P2',
      'pref:P3',
      'pref:P4',
    ])
    await mkdir(join(dir, 'switchboard'), { recursive: true })
    await writeFile(join(dir, 'switchboard', 'observations.json'), '{not json')
    expect((await openStateObservations(dir).spans('srv')).size).toBe(0)
    await openStateObservations(dir).record('srv', [{ key: 'pref:A', value: 'x' }], 5)
    expect(
      JSON.parse(await readFile(join(dir, 'switchboard', 'observations.json'), 'utf8')),
    ).toEqual({
      version: 1,
      servers: { srv: { 'pref:A': [['x', 5, 5]] } },
    })
  })
})
