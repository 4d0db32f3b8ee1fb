import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../common/util/result'
import { withApplyLock } from './apply-lock'

let temp = ''
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'hush-'))
})
afterEach(async () => {
  await rm(temp, { recursive: true, force: true })
})

const now = () => new Date('2026-11-29T06:00:00Z')

describe('the apply lock', () => {
  it('runs the work and leaves no lock behind', async () => {
    expect(await withApplyLock(temp, now, () => Promise.resolve(ok(42)))).toEqual({
      ok: true,
      value: 42,
    })
    expect(await readdir(temp)).toEqual([])
  })

  it('refuses while another live Hush holds it', async () => {
    await writeFile(
      join(temp, 'apply.lock'),
      JSON.stringify({ pid: process.pid, at: now().toISOString() }),
    )
    let ran = false
    const result = await withApplyLock(temp, now, () => {
      ran = true
      return Promise.resolve(ok(1))
    })
    expect(ran).toBe(false)
    expect(result).toMatchObject({ ok: false, error: { kind: 'conflict' } })
  })

  it('takes over a lock left by a Hush that is gone, or an old one', async () => {
    for (const holder of [
      { pid: 2 ** 22 + 12345, at: now().toISOString() },
      { pid: process.pid, at: '2026-11-29T05:00:00Z' },
      'garbage',
    ]) {
      await writeFile(
        join(temp, 'apply.lock'),
        typeof holder === 'string' ? holder : JSON.stringify(holder),
      )
      expect(await withApplyLock(temp, now, () => Promise.resolve(ok('done')))).toEqual({
        ok: true,
        value: 'done',
      })
    }
  })
})
