// All aircraft in three instanced meshes (one draw call each): solid markers, fading ghosts, and the small
// diamonds that mark a ghost's last confirmed position. Each frame every marker's matrix is rewritten from
// the store's dead-reckoned position, so the capacity grows by doubling and nothing is allocated per aircraft.
import * as THREE from 'three';
import { radiusAt, tangents, toXYZ } from './geo.js';

const EMERGENCY = new Set(['7500', '7600', '7700']);
const GROUND_COLOR = new THREE.Color(0x9a9a9a);
const EMERGENCY_COLOR = new THREE.Color(0xff2050);
const SELECTED_COLOR = new THREE.Color(0xffffff);
const GHOST_FADE_TO = new THREE.Color(0x0a1a2e);
// Altitude colour ramps, metres → colour: real-world traffic warm to cool, VATSIM (simulated flights) in a
// pink-to-violet ramp of its own, so the two networks read apart at a glance even where they overlap.
const ramp = (stops) => stops.map(([m, c]) => [m, new THREE.Color(c)]);
const RAMP = ramp([[0, 0xffa040], [3000, 0xffe060], [6000, 0x70e070], [9000, 0x40d0ff], [12000, 0x9a80ff]]);
const VATSIM_RAMP = ramp([[0, 0xffb0d8], [3000, 0xff70c0], [6000, 0xe060ff], [9000, 0xb070ff], [12000, 0x8a8cff]]);

/** The network an aircraft belongs to, for styling and the page's network switches. */
export function networkOf(a) { return a.source === 'vatsim' ? 'vatsim' : 'real'; }

export function isEmergency(a) { return a.squawk !== null && EMERGENCY.has(a.squawk); }

export function altitudeColor(a, altM, out) {
  if (a.on_ground) return out.copy(GROUND_COLOR);
  const r = networkOf(a) === 'vatsim' ? VATSIM_RAMP : RAMP;
  if (altM <= r[0][0]) return out.copy(r[0][1]);
  for (let i = 1; i < r.length; i++) {
    if (altM <= r[i][0]) {
      const f = (altM - r[i - 1][0]) / (r[i][0] - r[i - 1][0]);
      return out.copy(r[i - 1][1]).lerp(r[i][1], f);
    }
  }
  return out.copy(r[r.length - 1][1]);
}

function arrowGeometry() {
  // A flat arrowhead in the local tangent frame: x right, y forward (the heading), z up.
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(new Float32Array([
    0, 1, 0, -0.7, -0.7, 0, 0, -0.3, 0,
    0, 1, 0, 0, -0.3, 0, 0.7, -0.7, 0]), 3));
  return g;
}

function chevronGeometry() {
  // VATSIM: an open chevron (two swept wings, no body), visibly another shape than the arrowhead.
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(new Float32Array([
    0, 1, 0, -0.8, -0.6, 0, -0.45, -0.6, 0,
    0, 1, 0, -0.45, -0.6, 0, 0, 0.35, 0,
    0, 1, 0, 0, 0.35, 0, 0.45, -0.6, 0,
    0, 1, 0, 0.45, -0.6, 0, 0.8, -0.6, 0]), 3));
  return g;
}

function diamondGeometry() {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(new Float32Array([
    0, 0.4, 0, -0.4, 0, 0, 0.4, 0, 0, 0.4, 0, 0, -0.4, 0, 0, 0, -0.4, 0]), 3));
  return g;
}

class Layer {
  constructor(scene, geometry, material, capacity) {
    this.scene = scene; this.geometry = geometry; this.material = material;
    this.make(capacity);
  }
  make(capacity) {
    if (this.mesh) { this.scene.remove(this.mesh); this.mesh.dispose(); }
    this.mesh = new THREE.InstancedMesh(this.geometry, this.material, capacity);
    this.mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
    this.mesh.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    this.mesh.instanceColor.setUsage(THREE.DynamicDrawUsage);
    this.mesh.frustumCulled = false; // instances are everywhere on the globe; the bounding sphere would be stale
    this.mesh.count = 0;
    this.capacity = capacity;
    this.scene.add(this.mesh);
  }
  ensure(n) { if (n > this.capacity) this.make(Math.max(n, this.capacity * 2)); }
  finish(count) {
    this.mesh.count = count;
    this.mesh.instanceMatrix.needsUpdate = true;
    this.mesh.instanceColor.needsUpdate = true;
  }
}

export class Markers {
  constructor(scene) {
    const dbl = THREE.DoubleSide;
    this.solid = new Layer(scene, arrowGeometry(), new THREE.MeshBasicMaterial({ side: dbl }), 1024);
    this.vatsim = new Layer(scene, chevronGeometry(), new THREE.MeshBasicMaterial({ side: dbl }), 256);
    this.ghost = new Layer(scene, arrowGeometry(),
        new THREE.MeshBasicMaterial({ side: dbl, transparent: true, opacity: 0.55, depthWrite: false }), 256);
    this.confirmed = new Layer(scene, diamondGeometry(), new THREE.MeshBasicMaterial({ side: dbl }), 256);
    // Per drawn solid/ghost marker: which aircraft and where (world xyz), for picking and the test hook.
    this.ids = []; this.xyz = new Float32Array(0);
    this.shown = 0; this.ghosts = 0; this.ghostIds = []; this.vatsimIds = [];
    this.hidden = new Set(); // networks switched off on the page ('real', 'vatsim')
    this.p = {}; this.n = {}; this.e = {}; this.c = new THREE.Color(); this.place = {};
  }

  /** Rewrites every marker for local time `now`. size: marker half-length in globe units. */
  update(store, now, size, selectedId, pulse) {
    const total = store.size;
    this.solid.ensure(total); this.vatsim.ensure(total); this.ghost.ensure(total); this.confirmed.ensure(total);
    if (this.xyz.length < total * 3) this.xyz = new Float32Array(total * 3);
    this.ids.length = 0; this.ghostIds.length = 0; this.vatsimIds.length = 0;
    let ns = 0, nv = 0, ng = 0, nc = 0;
    const pl = this.place, c = this.c;
    for (const t of store.tracks.values()) {
      const a = t.a;
      const network = networkOf(a);
      if (this.hidden.has(network) || !store.place(t, now, pl)) continue;
      const emergency = isEmergency(a);
      const selected = a.id === selectedId;
      let s = size * (emergency ? 1.6 + 0.4 * pulse : 1) * (selected ? 1.5 : 1);
      if (selected) c.copy(SELECTED_COLOR);
      else if (emergency) c.copy(EMERGENCY_COLOR);
      else altitudeColor(a, pl.alt, c);
      let layer, i;
      if (pl.fade > 0) {
        layer = this.ghost; i = ng++;
        this.ghostIds.push(a.id);
        c.lerp(GHOST_FADE_TO, pl.fade * 0.85);
        this.write(this.confirmed, nc++, a.position.lat, a.position.lon, t.altitude, 0, size, c);
      } else if (network === 'vatsim') {
        layer = this.vatsim; i = nv++;
        this.vatsimIds.push(a.id);
      } else {
        layer = this.solid; i = ns++;
      }
      const p = this.write(layer, i, pl.lat, pl.lon, pl.alt, pl.heading, s, c);
      const k = this.ids.length;
      this.ids.push(a.id);
      this.xyz[k * 3] = p.x; this.xyz[k * 3 + 1] = p.y; this.xyz[k * 3 + 2] = p.z;
    }
    this.solid.finish(ns); this.vatsim.finish(nv); this.ghost.finish(ng); this.confirmed.finish(nc);
    this.shown = ns + nv + ng; this.ghosts = ng;
  }

  write(layer, i, lat, lon, alt, heading, s, color) {
    const p = toXYZ(lat, lon, radiusAt(alt), this.p), n = this.n, e = this.e;
    tangents(lat, lon, n, e);
    const h = (heading * Math.PI) / 180, ch = Math.cos(h), sh = Math.sin(h);
    const fx = n.x * ch + e.x * sh, fy = n.y * ch + e.y * sh, fz = n.z * ch + e.z * sh; // forward
    const rx = e.x * ch - n.x * sh, ry = e.y * ch - n.y * sh, rz = e.z * ch - n.z * sh;  // right
    const r = Math.hypot(p.x, p.y, p.z), ux = p.x / r, uy = p.y / r, uz = p.z / r;      // up
    const m = layer.mesh.instanceMatrix.array, o = i * 16;
    m[o] = rx * s; m[o + 1] = ry * s; m[o + 2] = rz * s; m[o + 3] = 0;
    m[o + 4] = fx * s; m[o + 5] = fy * s; m[o + 6] = fz * s; m[o + 7] = 0;
    m[o + 8] = ux * s; m[o + 9] = uy * s; m[o + 10] = uz * s; m[o + 11] = 0;
    m[o + 12] = p.x; m[o + 13] = p.y; m[o + 14] = p.z; m[o + 15] = 1;
    color.toArray(layer.mesh.instanceColor.array, i * 3);
    return p;
  }
}
