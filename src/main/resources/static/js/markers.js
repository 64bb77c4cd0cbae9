// All aircraft in instanced meshes (one draw call each): per silhouette category the solid markers and the fading
// ghosts, and the small diamonds that mark a ghost's last confirmed position. Each frame every marker's matrix is
// rewritten from the store's dead-reckoned position, so the capacity grows by doubling and nothing is allocated per
// aircraft.
import * as THREE from 'three';
import { radiusAt, tangents, toXYZ } from './geo.js';
import { GROUND_COLOR, rampColor } from './altitude-colors.js';
import { CATEGORIES, SCALE, categoryOf, silhouetteGeometry } from './silhouettes.js';

const EMERGENCY = new Set(['7500', '7600', '7700']);
const EMERGENCY_COLOR = new THREE.Color(0xff2050);
const SELECTED_COLOR = new THREE.Color(0xffffff);
const GHOST_FADE_TO = new THREE.Color(0x0a1a2e);

/** The network an aircraft belongs to, for styling and the page's network switches. */
export function networkOf(a) { return a.source === 'vatsim' ? 'vatsim' : 'real'; }

export function isEmergency(a) { return a.squawk !== null && EMERGENCY.has(a.squawk); }

export function altitudeColor(a, altM, out) {
  if (a.on_ground) return out.copy(GROUND_COLOR);
  return rampColor(altM, networkOf(a) === 'vatsim', out);
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
    const old = this.mesh;
    if (old) { this.scene.remove(old); old.dispose(); }
    this.mesh = new THREE.InstancedMesh(this.geometry, this.material, capacity);
    this.mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
    this.mesh.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    this.mesh.instanceColor.setUsage(THREE.DynamicDrawUsage);
    this.mesh.frustumCulled = false; // instances are everywhere on the globe; the bounding sphere would be stale
    this.mesh.count = 0;
    if (old) { // keep what this frame already wrote
      this.mesh.instanceMatrix.array.set(old.instanceMatrix.array);
      this.mesh.instanceColor.array.set(old.instanceColor.array);
    }
    this.capacity = capacity;
    this.scene.add(this.mesh);
  }
  /** Room for instance i (grows by doubling, so a layer is sized by its own category's count). */
  slot(i) { if (i >= this.capacity) this.make(Math.max(i + 1, this.capacity * 2)); return i; }
  finish(count) {
    this.mesh.count = count;
    this.mesh.instanceMatrix.needsUpdate = true;
    this.mesh.instanceColor.needsUpdate = true;
  }
}

/**
 * Every aircraft as the silhouette of its category (silhouettes.js): one InstancedMesh per category for solid
 * markers and one per category for fading ghosts, plus the ghosts' last-confirmed diamonds — 13 draw calls
 * whatever the count. VATSIM pilots use the same silhouettes in their own colour ramp.
 */
export class Markers {
  constructor(scene) {
    const dbl = THREE.DoubleSide;
    const solid = new THREE.MeshBasicMaterial({ side: dbl });
    const ghost = new THREE.MeshBasicMaterial({ side: dbl, transparent: true, opacity: 0.55, depthWrite: false });
    this.solid = CATEGORIES.map((c, k) => new Layer(scene, silhouetteGeometry(k), solid, 256));
    this.ghost = CATEGORIES.map((c, k) => new Layer(scene, silhouetteGeometry(k), ghost, 64));
    this.confirmed = new Layer(scene, diamondGeometry(), new THREE.MeshBasicMaterial({ side: dbl }), 256);
    // Per drawn solid/ghost marker: which aircraft, where (world xyz) and its category, for picking, labels and
    // the test hook.
    this.ids = []; this.xyz = new Float32Array(0); this.cats = new Uint8Array(0);
    this.shown = 0; this.ghosts = 0; this.ghostIds = []; this.vatsimIds = [];
    this.counts = new Array(CATEGORIES.length).fill(0); // solid + ghost markers drawn per category
    this.hidden = new Set(); // networks switched off on the page ('real', 'vatsim')
    this.p = {}; this.n = {}; this.e = {}; this.c = new THREE.Color(); this.place = {};
  }

  /** The track's category, computed once per report (kept on the track beside the aircraft object it is for). */
  categoryOf(t) {
    if (t.silhouetteOf !== t.a) { t.silhouetteOf = t.a; t.silhouette = categoryOf(t.a); }
    return t.silhouette;
  }

  /** Rewrites every marker for local time `now`. size: marker half-length in globe units. */
  update(store, now, size, selectedId, pulse) {
    const total = store.size;
    if (this.xyz.length < total * 3) { this.xyz = new Float32Array(total * 3); this.cats = new Uint8Array(total); }
    this.ids.length = 0; this.ghostIds.length = 0; this.vatsimIds.length = 0;
    const ns = new Array(CATEGORIES.length).fill(0), ng = new Array(CATEGORIES.length).fill(0);
    let nc = 0;
    const pl = this.place, c = this.c;
    for (const t of store.tracks.values()) {
      const a = t.a;
      const network = networkOf(a);
      if (this.hidden.has(network) || !store.place(t, now, pl)) continue;
      const cat = this.categoryOf(t);
      const emergency = isEmergency(a);
      const selected = a.id === selectedId;
      const s = size * SCALE[cat] * (emergency ? 1.6 + 0.4 * pulse : 1) * (selected ? 1.5 : 1);
      if (selected) c.copy(SELECTED_COLOR);
      else if (emergency) c.copy(EMERGENCY_COLOR);
      else altitudeColor(a, pl.alt, c);
      let layer, i;
      if (pl.fade > 0) {
        layer = this.ghost[cat]; i = layer.slot(ng[cat]++);
        this.ghostIds.push(a.id);
        c.lerp(GHOST_FADE_TO, pl.fade * 0.85);
        this.write(this.confirmed, this.confirmed.slot(nc++), a.position.lat, a.position.lon, t.altitude, 0, size, c);
      } else {
        layer = this.solid[cat]; i = layer.slot(ns[cat]++);
        if (network === 'vatsim') this.vatsimIds.push(a.id);
      }
      const p = this.write(layer, i, pl.lat, pl.lon, pl.alt, pl.heading, s, c);
      const k = this.ids.length;
      this.ids.push(a.id);
      this.cats[k] = cat;
      this.xyz[k * 3] = p.x; this.xyz[k * 3 + 1] = p.y; this.xyz[k * 3 + 2] = p.z;
    }
    let shown = 0, ghosts = 0;
    for (let k = 0; k < CATEGORIES.length; k++) {
      this.solid[k].finish(ns[k]); this.ghost[k].finish(ng[k]);
      this.counts[k] = ns[k] + ng[k]; shown += ns[k] + ng[k]; ghosts += ng[k];
    }
    this.confirmed.finish(nc);
    this.shown = shown; this.ghosts = ghosts;
  }

  /** Markers drawn per category name, e.g. {airliner: 812, helicopter: 3, ...}. */
  categoryCounts() { return Object.fromEntries(CATEGORIES.map((name, k) => [name, this.counts[k]])); }

  /** The category name a drawn aircraft is drawn as, or null when it is not drawn. */
  drawnCategory(id) { const k = this.ids.indexOf(id); return k < 0 ? null : CATEGORIES[this.cats[k]]; }

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
