// Altitude → colour, a fixed ramp shared by the markers and the legend. Real-world traffic follows tar1090's hue
// stops (orange on the ground through yellow, green, blue to magenta at FL400), so a user coming from tar1090
// reads the colours the same; VATSIM pilots keep a pink-to-violet ramp of their own, so the networks read apart.
// Both are looked up in a table of 100 ft steps: nothing is computed per aircraft per frame but an index.
import * as THREE from 'three';

export const FT = 0.3048;
const STEP_FT = 100, TOP_FT = 45000;
const N = TOP_FT / STEP_FT + 1;
// [feet, hue degrees] (tar1090's ColorByAlt.air.h), saturation 88 %, lightness raised to 56 % for a dark globe
const REAL_HUES = [[0, 20], [2000, 32.5], [4000, 43], [6000, 54], [8000, 72], [9000, 85], [11000, 140],
  [40000, 300], [45000, 315]];
const VATSIM_STOPS = [[0, 0xffb0d8], [10000, 0xff70c0], [20000, 0xe060ff], [30000, 0xb070ff], [40000, 0x8a8cff]];
export const GROUND_COLOR = new THREE.Color(0x9a9a9a);

function lerpStops(stops, ft) {
  if (ft <= stops[0][0]) return [stops[0][1], stops[0][1], 0];
  for (let i = 1; i < stops.length; i++) {
    if (ft <= stops[i][0]) return [stops[i - 1][1], stops[i][1], (ft - stops[i - 1][0]) / (stops[i][0] - stops[i - 1][0])];
  }
  const last = stops[stops.length - 1][1];
  return [last, last, 0];
}

function table(colorAt) {
  const t = new Float32Array(N * 3), c = new THREE.Color();
  for (let i = 0; i < N; i++) { colorAt(i * STEP_FT, c); c.toArray(t, i * 3); }
  return t;
}

const REAL = table((ft, c) => {
  const [h0, h1, f] = lerpStops(REAL_HUES, ft);
  c.setHSL((h0 + (h1 - h0) * f) / 360, 0.88, 0.56, THREE.SRGBColorSpace);
});
const VATSIM = table((ft, c) => {
  const [a, b, f] = lerpStops(VATSIM_STOPS, ft);
  c.setHex(a).lerp(new THREE.Color(b), f);
});

/** The ramp colour at `altM` metres into `out` (a THREE.Color); `vatsim` picks that network's ramp. */
export function rampColor(altM, vatsim, out) {
  const i = Math.max(0, Math.min(N - 1, Math.round(altM / FT / STEP_FT)));
  return out.fromArray(vatsim ? VATSIM : REAL, i * 3);
}

/** CSS colour of the ramp at `altM`, for the legend. */
export function rampCss(altM, vatsim) { return '#' + rampColor(altM, vatsim, new THREE.Color()).getHexString(); }
