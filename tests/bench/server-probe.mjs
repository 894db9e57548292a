// Preloaded into a benchmarked server with NODE_OPTIONS="--import <this file>" (plain JavaScript:
// it loads before tsx does), so that a benchmark can look inside a server it does not change:
// - SIGUSR2: collect garbage, then print `MEMORY_PROBE <pid> {rss, heapTotal, heapUsed, …}`;
// - SIGWINCH, with BENCH_CPU_PROFILE_DIR set: start a CPU profile, and on the next one stop it,
//   write it to that directory and print `CPU_PROFILE <pid> <file>`.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
process.on('SIGUSR2', () => {
  gc();
  gc();
  process.stdout.write(`MEMORY_PROBE ${process.pid} ${JSON.stringify(process.memoryUsage())}\n`);
});

const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
if (profileDir) {
  let session = null;
  let count = 0;
  process.on('SIGWINCH', () => {
    if (!session) {
      session = new Session();
      session.connect();
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
      return;
    }
    const ending = session;
    session = null;
    ending.post('Profiler.stop', (error, result) => {
      ending.disconnect();
      if (error) return process.stdout.write(`CPU_PROFILE ${process.pid} error ${error.message}\n`);
      count += 1;
      const file = join(profileDir, `${process.pid}-${count}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
      process.stdout.write(`CPU_PROFILE ${process.pid} ${file}\n`);
    });
  });
}
