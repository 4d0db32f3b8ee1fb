// Takes one sample with the Linux collector and prints it as JSON: the tests bundle this file and
// run it as another user, or without ss on the PATH, to see what the witness sees then.
import { createLinuxCollector } from '../linux-collector'

const sample = await createLinuxCollector()()
process.stdout.write(JSON.stringify(sample))
