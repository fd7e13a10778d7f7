// Mocha's configuration. Most tests read the development corpus in ../shared (beside the
// repository; BRUG_SHARED or BRUG_CORPUS point elsewhere). When it is missing, the run stops at
// once with one line that says what is missing, instead of a stack per test; outside CI,
// BRUG_SKIP_CORPUS=1 runs the tests that do not need it.
const { existsSync, readFileSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const shared = resolve(process.env.BRUG_SHARED || join(__dirname, '..', 'shared'));
const corpus = resolve(process.env.BRUG_CORPUS || join(shared, 'corpora', 'dev'));

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

// Files named on the command line replace the default list (npx mocha test/cli/cli.test.ts).
const named = process.argv.slice(2).some((a) => /\.test\.[cm]?[jt]s$/.test(a));
let spec = named ? [] : ['test/**/*.test.ts'];
const ignore = [];

if (!existsSync(corpus)) {
  const line = `Brug's tests need the development corpus at ${corpus} (the shared folder beside the repository); set BRUG_SHARED or BRUG_CORPUS to where it is.`;
  if (process.env.CI === 'true' || process.env.BRUG_SKIP_CORPUS !== '1') {
    process.stderr.write(`${line}${process.env.CI === 'true' ? '' : ' To run only the tests that do not need it: BRUG_SKIP_CORPUS=1 npm test'}\n`);
    process.exit(2);
  }
  const needsCorpus = /\b(readShared|SHARED|SHARED_DIR|CORPUS_DIR)\b|corpora\/|from '\.\.\/(client|latex)\/helpers\.js'|from '\.\/helpers\.js'/;
  for (const file of testFiles(join(__dirname, 'test'))) {
    if (needsCorpus.test(readFileSync(file, 'utf8'))) ignore.push(file.slice(__dirname.length + 1));
  }
  process.stderr.write(`${line} Skipping the ${ignore.length} test files that read it (BRUG_SKIP_CORPUS=1).\n`);
}

module.exports = {
  spec,
  ignore,
  'node-option': ['import=tsx'],
  timeout: 20000,
  reporter: 'spec',
};
