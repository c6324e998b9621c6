/**
 * Public safety (schedule step 2, beside grievances): crimes (telecom fraud among them) and accidents
 * occur per town as Poisson counts at base rates that police, volunteer patrols and the smart platform
 * lower (the seed reports criminal cases, accidents and telecom fraud year on year):
 *
 *   crimes/day   = residents x crimesPer10kYear / 1e4 / 365 x (1 - fraudShare)
 *                  x exp(-policeEffect x officersPer1000 x cooperation) x exp(-patrolEffect x patrols per 1,000)
 *                  x (1 - platform x crimeReduction) x (1 + trendPerYear)^years
 *   fraud/day    = residents x crimesPer10kYear / 1e4 / 365 x fraudShare x (1 - platform x fraudReduction)
 *                  x (1 + trendPerYear)^years
 *   accidents    = residents x accidentsPer10kYear / 1e4 / 365 x (1 - platform x crimeReduction / 2)
 *                  x (1 + trendPerYear)^years
 *
 * with cooperation = 1 - cooperationWeight + cooperationWeight x mean legitimacy / 0.75: police work
 * needs reports and witnesses, which people give as far as they trust the police (MODEL.md section 8).
 * The base rates are the rates with no police at all. Each crime has a random victim in the town, whose
 * victimisation the survey sees, and an encounter with the police at the police's procedural fairness
 * lowered by outcomeWeight (being a victim is a bad outcome: performance legitimacy).
 */
import type { World } from './world';
import { CH_POLICE } from './codes';
import { exp, pow } from '../core/dmath';
import { meanLegitimacy } from './citizen';
import { encounter } from './legitimacy';
import { fairnessOf } from './resolvers';

export function safetyStep(w: World): void {
  const p = w.params.safety;
  const s = w.streams.safety;
  const h = w.hierarchy;
  const years = w.day / 365;
  const trend = pow(1 + p.trendPerYear, years);
  // Police work needs the public (reports, witnesses): cooperation follows mean legitimacy.
  const cooperation = 1 - p.cooperationWeight + (p.cooperationWeight * meanLegitimacy(w)) / 0.75;
  const police = exp(-p.policeEffect * w.officersPer1000 * cooperation);
  const plat = w.platform;
  const year = Math.floor(years);
  while (w.crimesByYear.length <= year) w.crimesByYear.push(0);
  // A victim meets the police; the crime itself is a bad outcome (performance legitimacy), as a case
  // that failed there.
  const fPolice = fairnessOf(w.params, CH_POLICE) * (1 - w.params.legitimacy.outcomeWeight);
  for (let t = 0; t < h.towns; t++) {
    const a = h.townStart[t];
    const res = h.townStart[t + 1] - a;
    let patrol = 0;
    for (let v = t * w.params.population.villagesPerTown; v < (t + 1) * w.params.population.villagesPerTown; v++) patrol += w.villagePatrol[v];
    const patrolFactor = exp((-p.patrolEffect * patrol * 1000) / Math.max(1, res));
    const base = (res * w.params.safety.crimesPer10kYear) / 1e4 / 365;
    const crimes = s.poisson(base * (1 - p.fraudShare) * police * patrolFactor * (1 - plat * w.params.smartPlatform.crimeReduction) * trend);
    const fraud = s.poisson(base * p.fraudShare * (1 - plat * w.params.smartPlatform.fraudReduction) * trend);
    const acc = s.poisson(((res * p.accidentsPer10kYear) / 1e4 / 365) * (1 - (plat * w.params.smartPlatform.crimeReduction) / 2) * trend);
    const total = crimes + fraud;
    for (let q = 0; q < total; q++) {
      const victim = a + s.int(res);
      w.citizens.victimDay[victim] = Math.min(65535, w.day + 1);
      encounter(w, victim, fPolice);
    }
    w.today.crimes += total;
    w.today.fraud += fraud;
    w.today.accidents += acc;
    w.crimesByYear[year] += total;
    w.crimesSinceSurvey += total;
  }
}
