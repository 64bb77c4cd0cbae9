// The camera: orbiting the globe (OrbitControls), flying to a place, or locked behind an aircraft (cockpit).
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { radiusAt, tangents, toLatLon, toXYZ } from './geo.js';

const FLY_MS = 1200;
const WHOLE_WORLD_DEG = 55; // a view wider than this asks the server for everything (no bbox)

export class CameraRig {
  constructor(camera, dom) {
    this.camera = camera;
    this.controls = new OrbitControls(camera, dom);
    this.controls.enablePan = false;
    this.controls.enableDamping = true;
    this.controls.minDistance = 1.01;
    this.controls.maxDistance = 8;
    this.fly = null;
    this.locked = null; // id of the flight the cockpit view follows
    this.v = new THREE.Vector3(); this.n = {}; this.e = {};
  }

  /** Distance of the camera above the surface, globe units. */
  height() { return this.camera.position.length() - 1; }

  flyTo(lat, lon, distance) {
    const to = new THREE.Vector3();
    toXYZ(lat, lon, distance, to);
    this.fly = { from: this.camera.position.clone(), to, start: performance.now() };
  }

  lock(id) { this.locked = id; this.controls.enabled = false; }

  release() {
    if (!this.locked) return;
    this.locked = null;
    this.camera.up.set(0, 1, 0);
    const d = Math.max(this.camera.position.length(), 1.25);
    this.camera.position.setLength(d);
    this.controls.target.set(0, 0, 0);
    this.controls.enabled = true;
    this.controls.update();
  }

  /** Per frame. follow: the locked aircraft's drawn place {lat, lon, alt, heading}, or null when it is gone. */
  update(now, follow) {
    if (this.locked) {
      if (!follow) { this.release(); return; }
      this.cockpit(follow);
      return;
    }
    if (this.fly) {
      const f = Math.min(1, (now - this.fly.start) / FLY_MS), k = f * f * (3 - 2 * f);
      const len = this.fly.from.length() * (1 - k) + this.fly.to.length() * k;
      this.camera.position.copy(this.fly.from).normalize().lerp(this.v.copy(this.fly.to).normalize(), k).setLength(len);
      this.camera.lookAt(0, 0, 0);
      if (f >= 1) this.fly = null;
    }
    this.controls.rotateSpeed = Math.min(1, this.height() * 0.6);
    this.controls.zoomSpeed = 1;
    this.controls.update();
  }

  /** Behind and a little above the aircraft, looking along its heading, the horizon level. */
  cockpit(pl) {
    const p = toXYZ(pl.lat, pl.lon, radiusAt(pl.alt), new THREE.Vector3());
    const up = p.clone().normalize();
    tangents(pl.lat, pl.lon, this.n, this.e);
    const h = (pl.heading * Math.PI) / 180;
    const fwd = new THREE.Vector3(this.n.x * Math.cos(h) + this.e.x * Math.sin(h),
        this.n.y * Math.cos(h) + this.e.y * Math.sin(h), this.n.z * Math.cos(h) + this.e.z * Math.sin(h));
    this.camera.position.copy(p).addScaledVector(fwd, -0.004).addScaledVector(up, 0.0012);
    this.camera.up.copy(up);
    this.camera.lookAt(p.clone().addScaledVector(fwd, 0.02));
  }

  /** The part of the globe in view as [lamin, lomin, lamax, lomax], or null when (nearly) all of it is. */
  visibleBox() {
    const d = this.camera.position.length();
    const horizon = Math.acos(Math.min(1, 1 / d)) * 180 / Math.PI;
    const halfDiag = (this.camera.fov / 2) * Math.sqrt(1 + this.camera.aspect ** 2) * Math.PI / 180;
    const spread = Math.atan(Math.tan(halfDiag) * (d - 1)) * 180 / Math.PI * 1.3;
    const r = Math.min(horizon, spread);
    if (this.locked || r > WHOLE_WORLD_DEG) return null;
    const c = toLatLon(this.camera.position.x, this.camera.position.y, this.camera.position.z);
    const lamin = c.lat - r, lamax = c.lat + r;
    if (lamin <= -89 || lamax >= 89) return null;
    const dl = r / Math.cos(Math.max(Math.abs(lamin), Math.abs(lamax)) * Math.PI / 180);
    if (dl >= 179) return null;
    const wrap = (x) => ((x + 540) % 360) - 180;
    const round = (x) => Math.round(x * 100) / 100;
    return [round(lamin), round(wrap(c.lon - dl)), round(lamax), round(wrap(c.lon + dl))];
  }
}
