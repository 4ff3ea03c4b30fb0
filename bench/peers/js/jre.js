// json-rules-engine: the amounts as dynamic facts computed in JavaScript numbers (doubles), the
// way its documentation computes derived facts; one rule grants when the budget is known. The
// rounding is the usual Math.round(x * 100) / 100 (half-up on the binary value). One case at a
// time (each run awaited).
'use strict';
const { Engine } = require('json-rules-engine');
const { readCases, writeResults, report, args, stopwatch } = require('./common');

const cents = (x) => Math.round(x * 100) / 100;

function makeEngine() {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addFact('cap', async (params, almanac) => cents(0.6 * (await almanac.factValue('price'))));
  engine.addFact('rate', async (params, almanac) =>
    Math.min(await almanac.factValue('asked'), await almanac.factValue('cap')));
  engine.addFact('budget', async (params, almanac) =>
    cents((await almanac.factValue('rate')) * (await almanac.factValue('hours')) * 52));
  engine.addRule({
    name: 'pgb informele zorg',
    conditions: { all: [{ fact: 'budget', operator: 'greaterThanInclusive', value: 0 }] },
    event: { type: 'granted' },
  });
  return engine;
}

(async () => {
  const a = args();
  const cases = readCases(a.cases);
  const inputs = cases.map((c) => ({ price: Number(c.price), asked: Number(c.asked), hours: Number(c.hours) }));
  const engine = makeEngine();
  const out = new Array(inputs.length);
  await engine.run(inputs[0]); // warm up
  const stop = stopwatch();
  for (let i = 0; i < inputs.length; ++i) {
    const { events, almanac } = await engine.run(inputs[i]);
    out[i] = events.length === 1
      ? { rate: await almanac.factValue('rate'), budget: await almanac.factValue('budget') }
      : { rate: 'error', budget: 'error' };
  }
  const times = stop();
  const file = `${a.out}json-rules-engine.csv`;
  writeResults(file, out.map((r, i) => ({ id: cases[i].id, rate: String(r.rate), budget: String(r.budget) })));
  report('json-rules-engine (doubles)', cases.length, times, { results: file });
})().catch((e) => { console.error(e); process.exit(1); });
