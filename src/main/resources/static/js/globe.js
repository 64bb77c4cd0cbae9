// The 3D view: scene, render loop at display rate, picking by screen distance, the selected aircraft's trail
// (and a VATSIM pilot's filed route), the ATC positions and the markers of anomaly events.
import * as THREE from 'three';
import { buildEarth } from './earth.js';
import { CameraRig } from './camera-rig.js';
import { Markers } from './markers.js';
import { AtcLayer } from './atc.js';
import { RouteLine } from './route.js';
import { radiusAt, toXYZ } from './geo.js';
import { buildBorders } from './borders.js';
import { Labels } from './labels.js';

const RELIEF_URL = 'img/natural-earth-2-relief.jpg';
const BORDERS_URL = 'geo/countries-50m.json';

const PICK_RADIUS_PX = 14;
const MAX_EVENT_MARKERS = 50;
const EVENT_MARKER_S = 600; // an event's ring stays this long

/** True when WebGL runs on a CPU rasteriser rather than a GPU. */
function softwareRenderer() {
  try {
    const gl = document.createElement('canvas').getContext('webgl2') || document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software/i.test(name);
  } catch (e) {
    return false;
  }
}

export class Globe {
  constructor(container, store, atcStore) {
    this.store = store;
    this.software = softwareRenderer();
    // Multisampling costs a software rasteriser (SwiftShader, llvmpipe) more than everything else in a frame.
    this.renderer = new THREE.WebGLRenderer({ antialias: !this.software, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    container.appendChild(this.renderer.domElement);
    this.canvas = this.renderer.domElement;
    this.scene = new THREE.Scene();
    this.scene.background = new THREE.Color(0x02060c);
    this.camera = new THREE.PerspectiveCamera(45, 1, 0.0005, 100);
    this.camera.position.set(0, 1.2, 2.6); // +z is lon -90: start over the Americas
    this.rig = new CameraRig(this.camera, this.canvas);
    this.markers = new Markers(this.scene);
    this.labels = new Labels(container, this);
    this.look = { texture: null, borderSegments: 0 }; // what the land was drawn with, for the test hook
    this.selected = null;
    this.trail = new THREE.Line(new THREE.BufferGeometry(), new THREE.LineBasicMaterial({ color: 0xffffff }));
    this.trail.frustumCulled = false;
    this.scene.add(this.trail);
    this.atc = new AtcLayer(this.scene, atcStore);
    this.route = new RouteLine(this.scene);
    this.events = [];
    this.frames = 0;
    this.frameTimes = [];
    this.timing = { markersMs: 0, renderMs: 0 }; // where frame time goes, for the benchmark
    this.onSelect = () => {};
    this.onFrame = () => {};
    this.resize();
    window.addEventListener('resize', () => this.resize());
    this.listenForClicks();
  }

  async load(geoUrl) {
    const [earth, borders] = await Promise.all([buildEarth(this.scene, geoUrl, RELIEF_URL),
      buildBorders(this.scene, BORDERS_URL).catch((e) => { console.warn('SkySentinel: no borders:', e.message); return 0; })]);
    this.look = { texture: earth.texture, borderSegments: borders };
  }

  start() {
    const loop = (now) => {
      requestAnimationFrame(loop);
      this.frame(now);
    };
    requestAnimationFrame(loop);
  }

  frame(now) {
    const h = this.rig.height();
    const size = Math.min(0.02, Math.max(0.00005, h * 0.006)); // about 12 px long at any zoom
    const pulse = 0.5 + 0.5 * Math.sin(now / 180);
    const t0 = performance.now();
    this.markers.update(this.store, now, size, this.selected, pulse);
    this.rig.update(now, this.rig.locked ? this.placeOf(this.rig.locked, now) : null);
    this.updateTrail(now);
    this.atc.update(h);
    const sel = this.selected && this.store.tracks.get(this.selected);
    this.route.update(sel ? sel.a : null, sel ? this.placeOf(this.selected, now) : null, now);
    this.updateEvents();
    const t1 = performance.now();
    this.renderer.render(this.scene, this.camera);
    this.labels.update(now);
    this.timing.markersMs += t1 - t0;
    this.timing.renderMs += performance.now() - t1;
    this.frames++;
    this.frameTimes.push(now);
    while (this.frameTimes.length > 0 && this.frameTimes[0] < now - 1000) this.frameTimes.shift();
    this.onFrame(now);
  }

  /** Frames drawn during the last second. */
  fps() { return this.frameTimes.length; }

  resize() {
    const w = this.canvas.parentElement.clientWidth, h = this.canvas.parentElement.clientHeight;
    this.renderer.setSize(w, h);
    this.camera.aspect = w / Math.max(1, h);
    this.camera.updateProjectionMatrix();
  }

  placeOf(id, now) {
    const t = this.store.tracks.get(id);
    const out = {};
    return t && this.store.place(t, now, out) ? out : null;
  }

  select(id) {
    this.selected = id;
    this.onSelect(id);
  }

  /** CSS-pixel position of a drawn aircraft relative to the canvas, and whether it faces the camera. */
  screenOf(id) {
    const k = this.markers.ids.indexOf(id);
    if (k < 0) return null;
    const xyz = this.markers.xyz;
    const p = new THREE.Vector3(xyz[k * 3], xyz[k * 3 + 1], xyz[k * 3 + 2]);
    return this.project(p);
  }

  project(p) {
    const facing = p.dot(this.camera.position) > p.lengthSq();
    const v = p.clone().project(this.camera);
    const inView = v.z < 1 && Math.abs(v.x) <= 1 && Math.abs(v.y) <= 1;
    return {
      x: (v.x + 1) / 2 * this.canvas.clientWidth,
      y: (1 - v.y) / 2 * this.canvas.clientHeight,
      visible: facing && inView,
    };
  }

  /** The drawn aircraft nearest to a canvas point within PICK_RADIUS_PX, else such an ATC position, or null. */
  pick(x, y) {
    return this.pickAircraft(x, y) ?? this.atc.pick(x, y, (p) => this.project(p));
  }

  pickAircraft(x, y) {
    const xyz = this.markers.xyz, ids = this.markers.ids, p = new THREE.Vector3();
    let best = null, bestD = PICK_RADIUS_PX;
    for (let k = 0; k < ids.length; k++) {
      p.set(xyz[k * 3], xyz[k * 3 + 1], xyz[k * 3 + 2]);
      const s = this.project(p);
      if (!s.visible) continue;
      const d = Math.hypot(s.x - x, s.y - y);
      if (d < bestD) { bestD = d; best = ids[k]; }
    }
    return best;
  }

  listenForClicks() {
    let down = null;
    this.canvas.addEventListener('pointerdown', (e) => { down = { x: e.clientX, y: e.clientY }; });
    this.canvas.addEventListener('pointerup', (e) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 5) return; // a drag, not a click
      const r = this.canvas.getBoundingClientRect();
      const id = this.pick(e.clientX - r.left, e.clientY - r.top);
      if (id) this.select(id);
    });
  }

  updateTrail(now) {
    const t = this.selected && this.store.tracks.get(this.selected);
    const here = t ? this.placeOf(this.selected, now) : null;
    if (!t || !here) { this.trail.visible = false; return; }
    const pts = [], p = {};
    const h = t.history || [];
    for (let i = 0; i < h.length; i += 4) { // from history, older than the live trail
      toXYZ(h[i], h[i + 1], radiusAt(h[i + 2]), p);
      pts.push(p.x, p.y, p.z);
    }
    for (let i = 0; i < t.trail.length; i += 4) {
      toXYZ(t.trail[i], t.trail[i + 1], radiusAt(t.trail[i + 2]), p);
      pts.push(p.x, p.y, p.z);
    }
    toXYZ(here.lat, here.lon, radiusAt(here.alt), p);
    pts.push(p.x, p.y, p.z);
    this.trail.geometry.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3));
    this.trail.visible = pts.length >= 6;
  }

  /** A ring on the globe where an anomaly event happened; the oldest go first. */
  addEvent(ev) {
    if (ev.lat === null || ev.lon === null || ev.lat === undefined) return;
    const ring = new THREE.Mesh(new THREE.RingGeometry(0.006, 0.009, 32),
        new THREE.MeshBasicMaterial({ color: 0xff3060, side: THREE.DoubleSide, transparent: true, opacity: 0.9 }));
    const p = toXYZ(ev.lat, ev.lon, radiusAt(ev.altitude_m ?? 0), new THREE.Vector3());
    ring.position.copy(p);
    ring.lookAt(p.clone().multiplyScalar(2));
    ring.userData.until = performance.now() + EVENT_MARKER_S * 1000;
    this.scene.add(ring);
    this.events.push(ring);
    while (this.events.length > MAX_EVENT_MARKERS) this.dropEvent(this.events.shift());
  }

  updateEvents() {
    const now = performance.now();
    this.events = this.events.filter((r) => (r.userData.until > now ? true : (this.dropEvent(r), false)));
  }

  dropEvent(r) { this.scene.remove(r); r.geometry.dispose(); r.material.dispose(); }
}
