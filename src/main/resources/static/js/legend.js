// The altitude colour legend (bottom middle): one cell per altitude step in the ramp's colours (altitude-colors.js),
// labelled in the details panel's units (metres, or feet in aviation units; the choice the units button keeps in
// localStorage), a grey cell for aircraft on the ground, and the VATSIM ramp as a thin strip under it.
import { FT, GROUND_COLOR, rampCss } from './altitude-colors.js';

const STEPS = {
  aviation: { unit: 'ft', values: [0, 1000, 2000, 4000, 6000, 8000, 10000, 20000, 30000, 40000].map((ft) => [ft * FT, ft]) },
  metric: { unit: 'm', values: [0, 300, 600, 1200, 1800, 2400, 3000, 6000, 9000, 12000].map((m) => [m, m]) },
};

/** 'metric' or 'aviation': what the details panel's units button last chose. */
export function currentUnits() {
  try {
    return localStorage.getItem('skysentinel.units') === 'aviation' ? 'aviation' : 'metric';
  } catch (e) {
    return 'metric';
  }
}

const label = (v) => (v >= 1000 ? (v / 1000) + 'k' : String(v));

export class Legend {
  constructor(parent = document.body) {
    this.el = document.createElement('div');
    this.el.id = 'legend';
    this.el.className = 'panel';
    this.el.title = 'Aircraft colour by altitude (VATSIM pilots: the strip below)';
    parent.appendChild(this.el);
    this.render();
    // the units button belongs to the details panel, which stores the choice first; read it after that handler ran
    document.addEventListener('click', (e) => { if (e.target && e.target.id === 'units') setTimeout(() => this.render(), 0); });
    window.addEventListener('storage', () => this.render());
  }

  render() {
    const units = currentUnits(), s = STEPS[units];
    this.units = units;
    const cell = (css, text, cls = '') => `<span class="lg-cell ${cls}" style="background:${css}">${text}</span>`;
    const strip = (vatsim) => s.values.map(([m, v], i) => cell(rampCss(m, vatsim),
        vatsim ? '' : label(v) + (i === s.values.length - 1 ? '+' : ''), vatsim ? 'lg-vatsim' : '')).join('');
    this.el.innerHTML = `<div class="lg-row">${cell('#' + GROUND_COLOR.getHexString(), 'GND')}${strip(false)}`
        + `<span class="lg-unit">${s.unit}</span></div>`
        + `<div class="lg-row">${cell('transparent', '', 'lg-vatsim')}${strip(true)}<span class="lg-unit">VATSIM</span></div>`;
  }

  /** What the legend shows, for the test hook: the unit and the labelled altitudes. */
  info() {
    return { units: this.units, unit: STEPS[this.units].unit, cells: this.el.querySelectorAll('.lg-cell:not(.lg-vatsim)').length,
      labels: [...this.el.querySelectorAll('.lg-cell:not(.lg-vatsim)')].map((c) => c.textContent) };
  }
}
