import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli'
import { createMemoryIo } from './testing/memory-io'

describe('runCli', () => {
  it('prints the command list for --help and exits 0', async () => {
    const io = createMemoryIo()
    expect(await runCli(['--help'], io)).toBe(0)
    expect(io.out()).toContain('Usage: hush <command>')
  })

  it('prints the command list and exits 2 when no command is given', async () => {
    const io = createMemoryIo()
    expect(await runCli([], io)).toBe(2)
    expect(io.out()).toContain('Commands:')
  })

  it('rejects an unknown command with exit code 2 and one line', async () => {
    const io = createMemoryIo()
    expect(await runCli(['frobnicate'], io)).toBe(2)
    expect(io.errText().trim().split('\n')).toHaveLength(1)
    expect(io.errText()).toContain('unknown command')
  })
})
