import { version } from '../../package.json'

/** Hush's version, from package.json (the one place it is written; the build bundles it). */
export const hushVersion: string = version
