// Labels (callsign; altitude and type) for the aircraft nearest the middle of the view once the camera is close
// enough, and a ring around the selected aircraft. Drawn on one 2D canvas over the WebGL one (no DOM node per
// label, no pointer events: picking stays on the globe). The choice of which aircraft get a label is made four
// times a second from every drawn marker; each frame only those (at most MAX_LABELS) are projected and drawn,
// skipping any that would overlap a label already placed.
import * as THREE from 'three';
import { FT } from './altitude-colors.js';
import { currentUnits } from './legend.js';

export const LABEL_HEIGHT = 0.15; // camera height (Earth radii, ~950 km) below which aircraft get labels
export const MAX_LABELS = 200;
const REPICK_MS = 250;
const FONT = '11px system-ui, sans-serif';
const LINE = 13, PAD = 3;

function altitudeText(a, units) {
  if (a.on_ground) return 'GND';
  const m = a.altitude_m ?? a.geo_altitude_m;
  if (m === null || m === undefined) return '';
  return units === 'aviation' ? Math.round(m / FT / 100) * 100 + ' ft' : Math.round(m) + ' m';
}

export class Labels {
  constructor(container, globe) {
    this.globe = globe;
    this.canvas = document.createElement('canvas');
    this.canvas.id = 'labels';
    this.canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;';
    container.appendChild(this.canvas);
    this.g = this.canvas.getContext('2d');
    this.chosen = []; // [{id, k}]: k the aircraft's index in markers.ids when chosen (checked before use)
    this.drawn = [];  // ids labelled in the last frame
    this.lastPick = -Infinity;
    this.texts = new WeakMap(); // aircraft object → {units, l1, l2, w}
    this.v = new THREE.Vector3();
    this.cleared = true;
  }

  get active() { return this.globe.rig.height() < LABEL_HEIGHT; }

  update(now) {
    const w = this.canvas.clientWidth, h = this.canvas.clientHeight, dpr = Math.min(window.devicePixelRatio, 2);
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr); this.canvas.height = Math.round(h * dpr);
    }
    const selected = this.globe.selected;
    const active = this.active;
    if (!active && !selected) {
      if (!this.cleared) { this.g.clearRect(0, 0, this.canvas.width, this.canvas.height); this.cleared = true; }
      this.drawn.length = 0; this.chosen.length = 0;
      return;
    }
    if (active && now - this.lastPick >= REPICK_MS) { this.pick(w, h); this.lastPick = now; }
    if (!active) this.chosen.length = 0;
    const g = this.g;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    this.cleared = false;
    g.font = FONT; g.textBaseline = 'top';
    const units = currentUnits(), placed = [];
    this.drawn.length = 0;
    if (selected) this.ring(selected, now, units, placed);
    for (const c of this.chosen) {
      if (c.id === selected) continue;
      const s = this.screen(c);
      if (s) this.label(c.id, s, units, placed, false);
    }
  }

  /** The drawn aircraft nearest the middle of the view, in front of the globe, at most MAX_LABELS. */
  pick(w, h) {
    const m = this.globe.markers, ids = m.ids, xyz = m.xyz, cam = this.globe.camera, v = this.v;
    const cand = [];
    const cp = cam.position, cx = w / 2, cy = h / 2;
    for (let k = 0; k < ids.length; k++) {
      v.set(xyz[k * 3], xyz[k * 3 + 1], xyz[k * 3 + 2]);
      if (v.dot(cp) <= v.lengthSq()) continue; // behind the globe
      v.project(cam);
      if (v.z >= 1 || Math.abs(v.x) > 1 || Math.abs(v.y) > 1) continue;
      const dx = (v.x + 1) / 2 * w - cx, dy = (1 - v.y) / 2 * h - cy;
      cand.push({ id: ids[k], k, d: dx * dx + dy * dy });
    }
    cand.sort((a, b) => a.d - b.d);
    this.chosen = cand.slice(0, MAX_LABELS);
  }

  /** CSS-pixel point of a chosen aircraft now, or null when it is no longer drawn or not in view. */
  screen(c) {
    const m = this.globe.markers;
    if (m.ids[c.k] !== c.id) { c.k = m.ids.indexOf(c.id); if (c.k < 0) return null; }
    const xyz = m.xyz;
    const s = this.globe.project(this.v.set(xyz[c.k * 3], xyz[c.k * 3 + 1], xyz[c.k * 3 + 2]));
    return s.visible ? s : null;
  }

  ring(id, now, units, placed) {
    const k = this.globe.markers.ids.indexOf(id);
    if (k < 0) return;
    const s = this.screen({ id, k });
    if (!s) return;
    const g = this.g, r = 15 + 3 * Math.sin(now / 250);
    g.strokeStyle = '#ffffff'; g.lineWidth = 2;
    g.beginPath(); g.arc(s.x, s.y, r, 0, 2 * Math.PI); g.stroke();
    g.strokeStyle = 'rgba(0,0,0,0.6)'; g.lineWidth = 1;
    g.beginPath(); g.arc(s.x, s.y, r + 2, 0, 2 * Math.PI); g.stroke();
    this.label(id, s, units, placed, true);
  }

  textsOf(a, units) {
    let t = this.texts.get(a);
    if (!t || t.units !== units) {
      const info = a.aircraft || {};
      const l1 = (a.callsign && a.callsign.trim()) || info.registration || a.icao24 || a.id;
      const l2 = [altitudeText(a, units), info.type].filter((x) => x).join(' ');
      t = { units, l1, l2, w: Math.max(this.g.measureText(l1).width, this.g.measureText(l2).width) + 2 * PAD };
      this.texts.set(a, t);
    }
    return t;
  }

  label(id, s, units, placed, selected) {
    const track = this.globe.store.tracks.get(id);
    if (!track) return;
    const t = this.textsOf(track.a, units);
    const x = s.x + 10, y = s.y - 6, bw = t.w, bh = (t.l2 ? 2 : 1) * LINE + PAD;
    if (!selected) {
      for (const b of placed) if (x < b[2] && x + bw > b[0] && y < b[3] && y + bh > b[1]) return; // overlaps
    }
    placed.push([x, y, x + bw, y + bh]);
    const g = this.g;
    g.fillStyle = selected ? 'rgba(255,255,255,0.92)' : 'rgba(4,12,24,0.72)';
    g.fillRect(x, y, bw, bh);
    g.fillStyle = selected ? '#06121f' : '#e8f2ff';
    g.fillText(t.l1, x + PAD, y + 2);
    if (t.l2) { g.fillStyle = selected ? '#203040' : '#a9c1da'; g.fillText(t.l2, x + PAD, y + 2 + LINE); }
    this.drawn.push(id);
  }
}
