// bench.js — the same corpus through the JavaScript text tools people reach for today:
// `sentiment` (AFINN word scores), `vader-sentiment` and `write-good`. Each reads messages (one
// per line) until its byte budget and prints one line like bench_analyze does:
//     sentiment bytes=N messages=N seconds=S mb_per_s=X msgs_per_s=Y
// Usage: node bench/bench.js CORPUS.txt [SENTIMENT_MB VADER_MB WRITEGOOD_MB]
'use strict';
const fs = require('fs');
const path = require('path');
const nm = path.join(__dirname, 'node_modules');
const Sentiment = require(path.join(nm, 'sentiment'));
const vader = require(path.join(nm, 'vader-sentiment'));
const writeGood = require(path.join(nm, 'write-good'));

const file = process.argv[2];
const budgets = {
  sentiment: Number(process.argv[3] || 100),
  vader: Number(process.argv[4] || 4),
  'write-good': Number(process.argv[5] || 4),
};

// Reads whole lines up to `mb` megabytes without holding the corpus in memory.
function* lines(mb) {
  const limit = mb * 1024 * 1024;
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let rest = '', done = 0, n;
  while (done < limit && (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
    const parts = (rest + buf.toString('utf8', 0, n)).split('\n');
    rest = parts.pop();
    for (const l of parts) {
      if (done >= limit) break;
      done += Buffer.byteLength(l) + 1;
      yield l;
    }
  }
  fs.closeSync(fd);
}

function run(name, fn) {
  const msgs = [...lines(budgets[name])]; // read first so only the analysis is timed
  let bytes = 0;
  for (const m of msgs) bytes += Buffer.byteLength(m) + 1;
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (const m of msgs) sink += fn(m) ? 1 : 0;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${name} bytes=${bytes} messages=${msgs.length} seconds=${s.toFixed(3)} ` +
    `mb_per_s=${(bytes / s / 1e6).toFixed(2)} msgs_per_s=${(msgs.length / s).toFixed(0)} sink=${sink}`);
}

const sentiment = new Sentiment();
run('sentiment', (m) => sentiment.analyze(m).score);
run('vader', (m) => vader.SentimentIntensityAnalyzer.polarity_scores(m).compound);
run('write-good', (m) => writeGood(m).length);
