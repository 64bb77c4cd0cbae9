// What kind of aircraft a flight is, and the flat silhouette each kind is drawn with. The category comes from what
// the aircraft says about itself and what the type table knows (docs/globe.md#silhouettes):
//   1. the type table: species helicopter/gyrocopter → helicopter; a glider designator → glider; -GND → ground;
//   2. the ADS-B emitter category (OpenSky `category`): 2, 12 light → small; 3..7 → airliner; 8 → helicopter;
//      9 → glider; 16, 17 surface vehicles → ground;
//   3. the type table's wake and engines: a jet, or wake M/H/J → airliner; wake L (piston, turboprop) → small;
//   4. else `default` (the plain arrowhead).
// The type is the aircraft table's for ADS-B traffic and the flight plan's for VATSIM pilots; either way the
// server has already added the type table's wake, engines and species to the `aircraft` object.
import * as THREE from 'three';

export const CATEGORIES = ['airliner', 'small', 'helicopter', 'glider', 'ground', 'default'];
export const DEFAULT = CATEGORIES.indexOf('default');
const [AIRLINER, SMALL, HELICOPTER, GLIDER, GROUND] = [0, 1, 2, 3, 4];

// ICAO designators of common sailplanes (the type table lists gliders as landplanes, most as motor gliders).
const GLIDER_TYPES = new Set(['GLID', 'AS21', 'AS25', 'AS26', 'AS28', 'AS29', 'AS30', 'AS31', 'AS32', 'AS33',
  'ASK1', 'ASK2', 'ASW2', 'ASW1', 'ASG2', 'DG1T', 'DG80', 'DG30', 'DG40', 'DG50', 'DG60', 'DG10', 'DISC',
  'DUOD', 'DUOG', 'JANU', 'NIMB', 'VENT', 'ARCP', 'ARCE', 'G102', 'G103', 'G109', 'LS1', 'LS3', 'LS4', 'LS6',
  'LS8', 'LS10', 'JS1', 'JS3', 'PIK2', 'PW5', 'SZD5', 'SZD4', 'L13', 'L23', 'L33', 'BLAN', 'STD', 'ASTI', 'LAK1',
  'HPH3', 'QUIN']);

const FROM_ADSB = new Map([[2, SMALL], [12, SMALL], [3, AIRLINER], [4, AIRLINER], [5, AIRLINER], [6, AIRLINER],
  [7, AIRLINER], [8, HELICOPTER], [9, GLIDER], [16, GROUND], [17, GROUND]]);

/** The category index (into CATEGORIES) of an aircraft object as the server sends it. */
export function categoryOf(a) {
  const info = a.aircraft || {};
  const type = info.type ? String(info.type).toUpperCase() : null;
  if (info.species === 'helicopter' || info.species === 'gyrocopter') return HELICOPTER;
  if (type && GLIDER_TYPES.has(type)) return GLIDER;
  if (type === '-GND' || type === 'GRND') return GROUND;
  const adsb = FROM_ADSB.get(a.category);
  if (adsb !== undefined) return adsb;
  if (info.engine_type === 'jet') return AIRLINER;
  if (info.wake === 'M' || info.wake === 'H' || info.wake === 'J') return AIRLINER;
  if (info.wake === 'L' || info.wake === 'L/M') return SMALL;
  return DEFAULT;
}

// Length of each silhouette relative to the marker size: an airliner stands out over a light aircraft.
export const SCALE = [1.55, 1.15, 1.25, 1.35, 0.8, 1.15];

/** Right half of an outline (x ≥ 0, nose +y, tail -y), mirrored into a closed shape. */
function mirrored(half) {
  const s = new THREE.Shape();
  half.forEach(([x, y], i) => (i === 0 ? s.moveTo(x, y) : s.lineTo(x, y)));
  for (let i = half.length - 1; i >= 0; i--) if (half[i][0] !== 0) s.lineTo(-half[i][0], half[i][1]);
  s.closePath();
  return s;
}

function rect(x0, y0, x1, y1) {
  const s = new THREE.Shape();
  s.moveTo(x0, y0); s.lineTo(x1, y0); s.lineTo(x1, y1); s.lineTo(x0, y1); s.closePath();
  return s;
}

/** A thin blade through the origin at `deg` from the nose. */
function blade(deg, len, w) {
  const r = (deg * Math.PI) / 180, c = Math.cos(r), s = Math.sin(r);
  const pts = [[-w, -len], [w, -len], [w, len], [-w, len]].map(([x, y]) => [x * c - y * s, x * s + y * c]);
  const sh = new THREE.Shape();
  pts.forEach(([x, y], i) => (i === 0 ? sh.moveTo(x, y + 0.15) : sh.lineTo(x, y + 0.15)));
  sh.closePath();
  return sh;
}

const OUTLINES = [
  // airliner: slim fuselage, swept wings, tailplane
  () => [mirrored([[0, 1], [0.07, 0.92], [0.09, 0.3], [0.95, -0.18], [0.95, -0.3], [0.09, -0.08], [0.07, -0.66],
    [0.38, -0.88], [0.38, -0.97], [0.05, -0.9], [0, -1]])],
  // small (light aircraft): straight wing, short nose
  () => [mirrored([[0, 1], [0.08, 0.94], [0.09, 0.5], [0.92, 0.5], [0.92, 0.26], [0.09, 0.24], [0.05, -0.7],
    [0.36, -0.72], [0.36, -0.9], [0, -0.93]])],
  // helicopter: cabin, tail boom, tail rotor, two crossed main rotor blades
  () => [mirrored([[0, 0.62], [0.16, 0.52], [0.22, 0.22], [0.18, -0.12], [0.05, -0.25], [0.04, -0.82],
    [0.2, -0.82], [0.2, -0.92], [0, -0.92]]), blade(45, 0.95, 0.05), blade(-45, 0.95, 0.05)],
  // glider: very long, thin, straight wings
  () => [mirrored([[0, 1], [0.05, 0.86], [0.05, 0.34], [1, 0.26], [1, 0.17], [0.05, 0.18], [0.03, -0.8],
    [0.26, -0.82], [0.26, -0.93], [0, -0.95]])],
  // ground vehicle: a box with a pointed front
  () => [mirrored([[0, 0.8], [0.45, 0.42], [0.45, -0.7], [0, -0.7]])],
  // default: the arrowhead the globe always drew
  () => [mirrored([[0, 1], [0.7, -0.7], [0, -0.3]])],
];

/** The flat geometry of a category in the local tangent frame: x right, y forward (the heading), z up. */
export function silhouetteGeometry(category) {
  return new THREE.ShapeGeometry(OUTLINES[category](), 1);
}
