// The selected VATSIM pilot's filed route, drawn as great circles departure → where it is now → arrival (the
// route string itself names fixes and airways this page has no database of). Airports come from
// /api/atc-areas/airport/{icao} (a GeoJSON Point), fetched once each.
import * as THREE from 'three';
import { greatCircle, radiusAt, toXYZ } from './geo.js';

const MAX_AIRPORTS_CACHED = 200;
const REDRAW_MS = 2000; // the aircraft end of the line moves slowly; redrawn this often

export class RouteLine {
  constructor(scene) {
    this.line = new THREE.Line(new THREE.BufferGeometry(),
        new THREE.LineDashedMaterial({ color: 0xff70c0, dashSize: 0.004, gapSize: 0.003 }));
    this.line.frustumCulled = false;
    this.line.visible = false;
    scene.add(this.line);
    this.airports = new Map();
    this.key = null; this.drawnAt = 0; this.ends = null;
    this.info = null; // {departure, arrival, points} for the browser tests
  }

  airport(icao) {
    if (!icao) return Promise.resolve(null);
    if (!this.airports.has(icao)) {
      while (this.airports.size >= MAX_AIRPORTS_CACHED) this.airports.delete(this.airports.keys().next().value);
      this.airports.set(icao, fetch('/api/atc-areas/airport/' + encodeURIComponent(icao))
          .then((r) => (r.ok ? r.json() : null))
          .then((f) => (f?.geometry?.type === 'Point' ? [f.geometry.coordinates[1], f.geometry.coordinates[0]] : null))
          .catch(() => null));
    }
    return this.airports.get(icao);
  }

  /** Per frame: a = the selected aircraft (or null), here = where it is drawn {lat, lon, alt} (or null). */
  update(a, here, now) {
    const plan = a?.vatsim?.flight_plan;
    const key = plan && here ? a.id + '|' + plan.departure + '|' + plan.arrival : null;
    if (key !== this.key) {
      this.key = key; this.ends = null; this.line.visible = false; this.info = null;
      if (!key) return;
      Promise.all([this.airport(plan.departure), this.airport(plan.arrival)]).then(([dep, arr]) => {
        if (this.key === key) { this.ends = { dep, arr, plan }; this.drawnAt = 0; }
      });
    }
    if (!this.ends || now - this.drawnAt < REDRAW_MS) return;
    this.drawnAt = now;
    this.draw(here);
  }

  draw(here) {
    const { dep, arr, plan } = this.ends;
    const at = [here.lat, here.lon];
    const legs = [];
    if (dep) legs.push(...greatCircle(dep, at));
    if (arr) legs.push(...greatCircle(at, arr));
    const v = [], p = {};
    legs.forEach(([lat, lon], i) => {
      // On the ground at both ends, at the aircraft's altitude where it is now.
      const onLeg = dep && i < legs.length / 2 ? i / (legs.length / 2) : 1 - (i - legs.length / 2) / (legs.length / 2);
      toXYZ(lat, lon, radiusAt(here.alt * Math.max(0, Math.min(1, onLeg))) + 0.0003, p);
      v.push(p.x, p.y, p.z);
    });
    this.line.geometry.dispose();
    this.line.geometry = new THREE.BufferGeometry();
    this.line.geometry.setAttribute('position', new THREE.Float32BufferAttribute(v, 3));
    this.line.computeLineDistances();
    this.line.visible = v.length >= 6;
    this.info = { departure: plan.departure, arrival: plan.arrival, departure_known: !!dep, arrival_known: !!arr, points: legs.length };
  }
}
