// The altitude colour legend (bottom middle): one cell per altitude step in the ramp's colours (altitude-colors.js),
// labelled in the details panel's units (metres, or feet in aviation units; the choice the units button keeps in
// localStorage), a grey cell for aircraft on the ground, the VATSIM ramp as a thin strip under it, and a key of the
// silhouettes drawn from their own geometry.
import { FT, GROUND_COLOR, rampCss } from './altitude-colors.js';
import { CATEGORIES, silhouetteGeometry } from './silhouettes.js';

const NAMES = { airliner: 'airliner', small: 'light', helicopter: 'helicopter', glider: 'glider', ground: 'vehicle',
  default: 'other' };

/** A category's silhouette as a small inline SVG (its triangles, nose up), drawn from the same geometry. */
function icon(k) {
  const g = silhouetteGeometry(k), pos = g.getAttribute('position'), idx = g.getIndex();
  let d = '';
  const n = idx ? idx.count : pos.count;
  for (let i = 0; i < n; i += 3) {
    for (let j = 0; j < 3; j++) {
      const v = idx ? idx.getX(i + j) : i + j;
      d += (j === 0 ? 'M' : 'L') + pos.getX(v).toFixed(2) + ' ' + (-pos.getY(v)).toFixed(2);
    }
    d += 'Z';
  }
  g.dispose();
  return `<svg viewBox="-1.1 -1.1 2.2 2.2" width="16" height="16"><path d="${d}" fill="#d8e4f0"/></svg>`;
}

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
    this.icons = CATEGORIES.map((c, k) => icon(k));
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
        + `<div class="lg-row">${cell('transparent', '', 'lg-vatsim')}${strip(true)}<span class="lg-unit">VATSIM</span></div>`
        + `<div class="lg-row lg-shapes">${CATEGORIES.map((c, k) => `<span class="lg-shape" data-category="${c}">`
        + `${this.icons[k]} ${NAMES[c]}</span>`).join('')}</div>`;
  }

  /** What the legend shows, for the test hook: the unit and the labelled altitudes. */
  info() {
    return { units: this.units, unit: STEPS[this.units].unit, cells: this.el.querySelectorAll('.lg-cell:not(.lg-vatsim)').length,
      labels: [...this.el.querySelectorAll('.lg-cell:not(.lg-vatsim)')].map((c) => c.textContent),
      shapes: [...this.el.querySelectorAll('.lg-shape')].map((e) => e.dataset.category) };
  }
}
