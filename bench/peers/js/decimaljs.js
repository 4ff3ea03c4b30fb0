// decimal.js: the decision as plain code over Decimal (exact decimal arithmetic, explicit
// ROUND_HALF_UP). Not a rules engine: the floor of what a hand-written exact program costs.
'use strict';
const Decimal = require('decimal.js');
const { readCases, writeResults, report, args, stopwatch } = require('./common');

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const share = new D('0.6');
const weeks = new D(52);

function decide(c) {
  const cap = c.price.times(share).toDecimalPlaces(2, D.ROUND_HALF_UP);
  const rate = D.min(c.asked, cap);
  const budget = rate.times(c.hours).times(weeks).toDecimalPlaces(2, D.ROUND_HALF_UP);
  return { rate, budget };
}

const a = args();
const cases = readCases(a.cases);
const inputs = cases.map((c) => ({ price: new D(c.price), asked: new D(c.asked), hours: new D(c.hours) }));
const out = new Array(inputs.length);
const stop = stopwatch();
for (let i = 0; i < inputs.length; ++i) out[i] = decide(inputs[i]);
const times = stop();
const file = `${a.out}decimaljs.csv`;
writeResults(file, out.map((r, i) => ({ id: cases[i].id, rate: r.rate.toFixed(2), budget: r.budget.toFixed(2) })));
report('decimal.js (plain code)', cases.length, times, { results: file });
