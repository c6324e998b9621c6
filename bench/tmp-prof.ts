import { readScenarioRaw } from '../src/scenario/files';
import { applyOverrides } from '../src/scenario/overrides';
import { parseScenario } from '../src/scenario/parse';
import { createModel } from '../sim/registry';
const big = process.argv[2] === 'county';
const sets = big ? ['params.population.residents=1000000', 'params.population.townsPerCounty=14', 'params.population.villagesPerTown=20', 'params.population.gridsPerVillage=9'] : [];
const scenario = parseScenario(applyOverrides(readScenarioRaw('social-governance').raw, sets), 'x');
const c0 = process.cpuUsage();
const model = createModel(scenario.model, scenario.params, 1);
const c1 = process.cpuUsage();
model.step(365);
const c2 = process.cpuUsage();

console.log(big ? 'county' : 'town', 'setup cpu', ((c1.user - c0.user) / 1e6).toFixed(2), 'year cpu', ((c2.user - c1.user) / 1e6).toFixed(2), 'candidates', (model as any).w.candidateCount);
