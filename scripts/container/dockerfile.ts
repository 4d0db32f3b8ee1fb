/** The parts of a Dockerfile's final stage that decide how the container runs. */
export interface ImageSpec {
  readonly from: string
  readonly env: Readonly<Record<string, string>>
  readonly user: string | null
  readonly workdir: string | null
  readonly volumes: readonly string[]
  readonly exposed: readonly string[]
  readonly entrypoint: readonly string[]
  readonly cmd: readonly string[]
  readonly healthcheck: readonly string[]
  /** `COPY <source> <target>` from the build context (not `--from=` another stage). */
  readonly copies: readonly { readonly source: string; readonly target: string }[]
}

/** Joins continuation lines and drops comments: one instruction per entry. */
function instructions(text: string): string[] {
  const joined = text
    .split('\n')
    .filter(line => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
  return joined
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '')
}

/** An exec-form argument list (`["a", "b"]`); the shell form is refused, as it hides signals. */
function execForm(instruction: string, value: string): string[] {
  const parsed: unknown = JSON.parse(value)
  if (!Array.isArray(parsed) || !parsed.every(item => typeof item === 'string')) {
    throw new Error(`${instruction} must use the exec form: ${value}`)
  }
  return parsed
}

/** Reads the final stage of a Dockerfile (everything after its last FROM). */
export function parseDockerfile(text: string): ImageSpec {
  const all = instructions(text)
  const lastFrom = all.map(line => /^FROM\s/i.test(line)).lastIndexOf(true)
  if (lastFrom < 0) {
    throw new Error('no FROM')
  }
  const env: Record<string, string> = {}
  const spec = {
    from: (all[lastFrom] ?? '').split(/\s+/)[1] ?? '',
    user: null as string | null,
    workdir: null as string | null,
    volumes: [] as string[],
    exposed: [] as string[],
    entrypoint: [] as string[],
    cmd: [] as string[],
    healthcheck: [] as string[],
    copies: [] as { source: string; target: string }[],
  }
  for (const line of all.slice(lastFrom + 1)) {
    const [, keyword = '', rest = ''] = /^(\w+)\s+([\s\S]*)$/.exec(line) ?? []
    switch (keyword.toUpperCase()) {
      case 'ENV':
        for (const [, key = '', value = ''] of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
          env[key] = value.replace(/^"|"$/g, '')
        }
        break
      case 'USER':
        spec.user = rest
        break
      case 'WORKDIR':
        spec.workdir = rest
        break
      case 'VOLUME':
        spec.volumes.push(...(rest.startsWith('[') ? execForm('VOLUME', rest) : rest.split(/\s+/)))
        break
      case 'EXPOSE':
        spec.exposed.push(...rest.split(/\s+/))
        break
      case 'ENTRYPOINT':
        spec.entrypoint = execForm('ENTRYPOINT', rest)
        break
      case 'CMD':
        spec.cmd = execForm('CMD', rest)
        break
      case 'HEALTHCHECK':
        spec.healthcheck = execForm('HEALTHCHECK', rest.replace(/^(--\S+\s+)*CMD\s+/, ''))
        break
      case 'COPY':
        if (!rest.startsWith('--from')) {
          const parts = rest.split(/\s+/)
          spec.copies.push({ source: parts[0] ?? '', target: parts.at(-1) ?? '' })
        }
        break
    }
  }
  return { ...spec, env }
}
