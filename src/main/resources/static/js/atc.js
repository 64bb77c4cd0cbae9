// The VATSIM ATC positions: kept from /ws/atc snapshot + delta frames (the same seq rules as /ws/flights), drawn
// as their airspace — a FIR/UIR or TRACON outline fetched once from /api/atc-areas, a ring of the visual range
// when no polygon is known, a small ring at the airport for tower, ground and delivery — with a label
// "callsign frequency" at the position.
import * as THREE from 'three';
import { destination, toXYZ } from './geo.js';

const NM = 1852;
const SURFACE = 1.0008;          // outlines sit just above the coastlines
const MAX_AREAS_CACHED = 400;    // outlines fetched and kept (the busiest feeds have ~300 positions)
const MAX_EDGE_DEG = 1;          // longer polygon edges are subdivided so they follow the sphere
const PICK_RADIUS_PX = 14;
const BUSY_AIRCRAFT = 20;        // an outline is shaded fully at this many aircraft in it
const WHITE = new THREE.Color(0xffffff);
const LABEL_W = 320, LABEL_H = 48; // label canvas, px: room for "EGTT_S_CTR 129.425"
const COLORS = { CTR: 0x4aa8ff, FSS: 0x4aa8ff, APP: 0xffa040, DEP: 0xffa040, TWR: 0xff5a6a, GND: 0x60e0a0, DEL: 0x60c0ff };
const AIRPORT_RING_NM = { TWR: 10, GND: 3, DEL: 2 };

export class AtcStore {
  constructor() { this.positions = new Map(); this.version = 0; this.hubSeq = null; }
  snapshot(f) { this.positions = new Map(f.positions.map((p) => [p.id, p])); this.changed(f); }
  delta(f) {
    for (const id of f.removals) this.positions.delete(id);
    for (const p of f.upserts) this.positions.set(p.id, p);
    this.changed(f);
  }
  changed(f) { this.version++; this.hubSeq = f.hub_seq; }
  byCallsign(cs) { for (const p of this.positions.values()) if (p.callsign === cs) return p; return null; }
}

function colorOf(p) { return p.kind === 'atis' ? 0xc8c8c8 : COLORS[p.facility?.short] ?? 0xd0d0ff; }

/** A ring of `radiusNm` around lat/lon as line-segment vertices. */
function ring(lat, lon, radiusNm) {
  const pts = [];
  for (let i = 0; i <= 64; i++) pts.push(destination(lat, lon, (i * 360) / 64, radiusNm * NM));
  return [pts];
}

/** GeoJSON geometry → rings of [lat, lon] (outer and inner rings alike: this draws outlines, not fills). */
function ringsOf(geometry) {
  if (!geometry) return [];
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polys.flat().map((r) => r.map(([lon, lat]) => [lat, lon]));
}

function segments(rings, color) {
  const v = [], p = {};
  const push = (lat, lon) => { toXYZ(lat, lon, SURFACE, p); v.push(p.x, p.y, p.z); };
  for (const r of rings) {
    for (let i = 1; i < r.length; i++) {
      const [la, lo] = r[i - 1], [lb, lb2] = r[i];
      let dLon = lb2 - lo;
      if (dLon > 180) dLon -= 360; else if (dLon < -180) dLon += 360;
      const n = Math.max(1, Math.ceil(Math.max(Math.abs(lb - la), Math.abs(dLon)) / MAX_EDGE_DEG));
      for (let k = 0; k < n; k++) {
        push(la + ((lb - la) * k) / n, lo + (dLon * k) / n);
        push(la + ((lb - la) * (k + 1)) / n, lo + (dLon * (k + 1)) / n);
      }
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(v, 3));
  const line = new THREE.LineSegments(g, new THREE.LineBasicMaterial({ color, transparent: true, opacity: 0.85 }));
  line.frustumCulled = false;
  return line;
}

function label(text, color) {
  const c = document.createElement('canvas');
  c.width = LABEL_W; c.height = LABEL_H;
  const g = c.getContext('2d');
  g.font = 'bold 26px system-ui, sans-serif';
  g.fillStyle = 'rgba(4, 10, 20, 0.7)';
  g.fillRect(0, 0, Math.min(LABEL_W, g.measureText(text).width + 12), LABEL_H);
  g.fillStyle = '#' + new THREE.Color(color).getHexString();
  g.fillText(text, 6, 34);
  const s = new THREE.Sprite(new THREE.SpriteMaterial({ map: new THREE.CanvasTexture(c), transparent: true }));
  s.center.set(0, 0.5);
  return s;
}

export class AtcLayer {
  constructor(scene, store) {
    this.store = store;
    this.group = new THREE.Group();
    scene.add(this.group);
    this.entries = new Map(); // id → {p, line, sprite, anchor: Vector3}
    this.areas = new Map();   // "kind/id" → Promise of rings
    this.version = -1;
    this.visible = true;
  }

  setVisible(v) { this.visible = v; this.group.visible = v; }

  /** Per frame: applies what changed in the store, then scales the labels to the camera height. */
  update(height) {
    if (this.store.version !== this.version) this.sync();
    const s = Math.min(0.15, Math.max(0.001, height * 0.075));
    for (const e of this.entries.values()) {
      if (!e.sprite) continue;
      const f = e.p.facility?.short;
      // Centres and approaches are labelled from afar; towers, ground and ATIS only once zoomed in.
      e.sprite.visible = f === 'CTR' || f === 'FSS' || f === 'APP' || f === 'DEP' ? height < 3 : height < (e.p.kind === 'atis' ? 0.12 : 0.4);
      e.sprite.scale.set(s, (s * LABEL_H) / LABEL_W, 1);
    }
  }

  sync() {
    this.version = this.store.version;
    for (const [id, e] of this.entries) {
      const now = this.store.positions.get(id);
      if (!now || now !== e.p) this.drop(id, e);
    }
    for (const [id, p] of this.store.positions) if (!this.entries.has(id) && p.position) this.add(id, p);
  }

  add(id, p) {
    const color = colorOf(p);
    const e = { p, line: null, color, load: null, sprite: label(p.callsign + (p.frequency_mhz ? ' ' + p.frequency_mhz.toFixed(3) : ''), color) };
    e.anchor = toXYZ(p.position.lat, p.position.lon, SURFACE + 0.0004, new THREE.Vector3());
    e.sprite.position.copy(e.anchor);
    this.group.add(e.sprite);
    this.entries.set(id, e);
    this.outline(p).then((rings) => {
      if (this.entries.get(id) !== e || rings.length === 0) return;
      e.line = segments(rings, color);
      this.tint(e);
      this.group.add(e.line);
    });
  }

  drop(id, e) {
    this.entries.delete(id);
    for (const o of [e.line, e.sprite]) {
      if (!o) continue;
      this.group.remove(o);
      o.geometry?.dispose();
      o.material.map?.dispose();
      o.material.dispose();
    }
  }

  /**
   * Shades each outline by its workload (from /api/atc-positions/workload: callsign → {aircraft, expected_30_min}):
   * brighter and whiter the more aircraft are in it now, full at BUSY_AIRCRAFT.
   */
  shade(loads) {
    this.loads = loads;
    for (const e of this.entries.values()) { e.load = loads.get(e.p.callsign) ?? null; this.tint(e); }
  }

  tint(e) {
    if (!e.line) return;
    if (!e.load && this.loads) e.load = this.loads.get(e.p.callsign) ?? null;
    const f = e.load ? Math.min(1, e.load.aircraft / BUSY_AIRCRAFT) : 0;
    e.line.material.color.set(e.color).lerp(WHITE, f * 0.6);
    e.line.material.opacity = 0.45 + 0.55 * f;
  }

  /** The rings to draw for a position: its area's polygon, else a ring of its range or of its airport. */
  outline(p) {
    const a = p.area, pos = p.position;
    if (a && (a.kind === 'fir' || a.kind === 'uir' || a.kind === 'tracon')) return this.area(a.kind, a.id);
    if (p.kind === 'atis') return Promise.resolve([]);
    if (a && a.kind === 'airport') return Promise.resolve(ring(pos.lat, pos.lon, AIRPORT_RING_NM[p.facility?.short] ?? 5));
    return Promise.resolve(p.visual_range_nm > 0 ? ring(pos.lat, pos.lon, Math.min(p.visual_range_nm, 600)) : []);
  }

  area(kind, id) {
    const key = kind + '/' + id;
    if (!this.areas.has(key)) {
      while (this.areas.size >= MAX_AREAS_CACHED) this.areas.delete(this.areas.keys().next().value);
      this.areas.set(key, fetch('/api/atc-areas/' + kind + '/' + encodeURIComponent(id))
          .then((r) => (r.ok ? r.json() : null)).then((f) => ringsOf(f?.geometry)).catch(() => []));
    }
    return this.areas.get(key);
  }

  /** The position whose label point is nearest to a canvas point, within PICK_RADIUS_PX, or null. */
  pick(x, y, project) {
    if (!this.visible) return null;
    let best = null, bestD = PICK_RADIUS_PX;
    for (const [id, e] of this.entries) {
      if (!e.sprite.visible) continue;
      const s = project(e.anchor);
      const d = Math.hypot(s.x - x, s.y - y);
      if (s.visible && d < bestD) { bestD = d; best = id; }
    }
    return best;
  }

  /** For the browser tests: how a position is drawn. */
  drawn(callsign) {
    for (const e of this.entries.values()) {
      if (e.p.callsign !== callsign) continue;
      return { label: e.sprite.visible, outline_vertices: e.line ? e.line.geometry.getAttribute('position').count : 0,
        aircraft: e.load ? e.load.aircraft : null, opacity: e.line ? e.line.material.opacity : null };
    }
    return null;
  }
}
