// Shared by the JS peers: read the generated cases (one JSON object a line, amounts as decimal
// strings), time only the decision loop, write "id,rate,budget" a line, print one JSON line.
'use strict';
const fs = require('fs');

function readCases(path) {
  return fs.readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
}

function writeResults(path, rows) {
  fs.writeFileSync(path, rows.map((r) => `${r.id},${r.rate},${r.budget}\n`).join(''));
}

// A stopwatch for wall time and the CPU time of the whole process (all its threads: node's and,
// for zen-engine, the native engine's); on a loaded machine CPU time is the fairer measure.
function stopwatch() {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: Number(process.hrtime.bigint() - wall) / 1e9, cpu_seconds: (used.user + used.system) / 1e6 };
  };
}

function report(peer, cases, times, extra = {}) {
  console.log(JSON.stringify({ peer, cases, ...times, ...extra }));
}

// process.argv: node PEER.js cases.jsonl OUT_PREFIX
function args() {
  if (process.argv.length < 4) {
    console.error(`usage: node ${process.argv[1]} cases.jsonl OUT_PREFIX`);
    process.exit(2);
  }
  return { cases: process.argv[2], out: process.argv[3] };
}

module.exports = { readCases, writeResults, report, args, stopwatch };
