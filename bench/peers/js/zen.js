// @gorules/zen-engine: the decision as a graph (input -> expression node -> output); the
// expression language computes in decimals (rust_decimal), and round() rounds half away from
// zero, which is half-up for these positive amounts. Timed with tracing on and off, one case at a
// time (each evaluate awaited), and once with 64 evaluations in flight (the engine may then use
// more than one core).
'use strict';
const { ZenEngine } = require('@gorules/zen-engine');
const { readCases, writeResults, report, args, stopwatch } = require('./common');

const graph = {
  nodes: [
    { id: 'in', type: 'inputNode', name: 'Aanvraag', position: { x: 0, y: 0 } },
    {
      id: 'pgb', type: 'expressionNode', name: 'PGB informele zorg', position: { x: 200, y: 0 },
      content: {
        expressions: [
          { id: 'cap', key: 'cap', value: 'round(price * 0.6, 2)' },
          { id: 'rate', key: 'rate', value: 'min([asked, $.cap])' },
          { id: 'budget', key: 'budget', value: 'round($.rate * hours * 52, 2)' },
        ],
      },
    },
    { id: 'out', type: 'outputNode', name: 'Indicatie', position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', sourceId: 'in', targetId: 'pgb', type: 'edge' },
    { id: 'e2', sourceId: 'pgb', targetId: 'out', type: 'edge' },
  ],
};

async function sequential(decision, inputs, trace) {
  const out = new Array(inputs.length);
  const stop = stopwatch();
  for (let i = 0; i < inputs.length; ++i) out[i] = (await decision.evaluate(inputs[i], { trace })).result;
  return { out, times: stop() };
}

async function inFlight(decision, inputs, width) {
  const out = new Array(inputs.length);
  const stop = stopwatch();
  for (let i = 0; i < inputs.length; i += width) {
    const batch = [];
    for (let k = i; k < Math.min(i + width, inputs.length); ++k)
      batch.push(decision.evaluate(inputs[k]).then((r) => { out[k] = r.result; }));
    await Promise.all(batch);
  }
  return { out, times: stop() };
}

(async () => {
  const a = args();
  const cases = readCases(a.cases);
  // Inputs as JSON numbers, as a caller of the engine would pass them.
  const inputs = cases.map((c) => ({ price: Number(c.price), asked: Number(c.asked), hours: Number(c.hours) }));
  const engine = new ZenEngine();
  const decision = engine.createDecision(graph);
  await decision.evaluate(inputs[0]); // load
  const rows = (out) => out.map((r, i) => ({ id: cases[i].id, rate: String(r.rate), budget: String(r.budget) }));
  const on = await sequential(decision, inputs, true);
  writeResults(`${a.out}zen-trace.csv`, rows(on.out));
  report('zen-engine graph, tracing on', cases.length, on.times, { results: `${a.out}zen-trace.csv` });
  const off = await sequential(decision, inputs, false);
  writeResults(`${a.out}zen.csv`, rows(off.out));
  report('zen-engine graph, tracing off', cases.length, off.times, { results: `${a.out}zen.csv` });
  const wide = await inFlight(decision, inputs, 64);
  writeResults(`${a.out}zen-64.csv`, rows(wide.out));
  report('zen-engine graph, tracing off, 64 in flight', cases.length, wide.times, { results: `${a.out}zen-64.csv` });
})().catch((e) => { console.error(e); process.exit(1); });
