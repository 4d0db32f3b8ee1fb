/** The server's main log in its Logs folder (reference §3.3). */
export const serverLogName = 'Plex Media Server.log'

/** How many rotated copies the server keeps: `.1.log` (newest) … `.5.log` (oldest). */
export const maxRotations = 5

/** The file name of rotated copy `n` of the server's log (0 is the live file). */
export function rotatedLogName(n: number): string {
  return n === 0 ? serverLogName : `Plex Media Server.${n}.log`
}
