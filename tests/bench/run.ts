export {};
// `npm run bench`: every benchmark in turn (never part of `npm test`); results in tests/bench/results/.
const benches = (process.argv[2] ?? 'http,export').split(',');
for (const name of benches) {
  console.log(`\n== ${name} ==`);
  await import(`./${name}.bench.ts`);
}
