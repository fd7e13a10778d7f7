// Preloaded (`node --import`) by the process part of bench/real.ts: at exit, writes the process's CPU time in ms (user +
// system, all its threads: its compiler and collector threads too) to the file BRUG_BENCH_CPU_FILE names. Registered
// before the command's own code runs, so it runs before the command's exit handlers (brug.js writes its code cache
// there, on a run without one; the part's warm-up run writes it).
import { writeFileSync } from 'node:fs';

const file = process.env.BRUG_BENCH_CPU_FILE;
if (file) {
  process.once('exit', () => {
    const u = process.cpuUsage();
    writeFileSync(file, String((u.user + u.system) / 1000));
  });
}
