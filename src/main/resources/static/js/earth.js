// The globe itself: an ocean sphere textured with Natural Earth II shaded relief (img/SOURCE.md), coastlines and a
// lat/lon grid. If the relief image cannot be loaded the land is filled into a canvas texture from the same
// TopoJSON the coastlines come from, so the page still draws a globe.
import * as THREE from 'three';
import { decodeTopology, toXYZ } from './geo.js';

const OCEAN = '#0a1a2e';
const LAND = '#1f3a33';
const COAST = 0x7fb8c0;
const GRID = 0x2a4a6a;
// The relief is a daylight image; a little darker it keeps the page's night look and the markers stand out.
const RELIEF_TINT = 0xb4bcc8;

/** Loads an image texture, resolving null (not rejecting) when it fails. */
function loadTexture(url) {
  return new Promise((resolve) => new THREE.TextureLoader().load(url, resolve, undefined, () => resolve(null)));
}

/** Builds the globe; resolves to {sphere, texture: 'relief' | 'fallback'}. */
export async function buildEarth(scene, url, reliefUrl) {
  const [topo, relief] = await Promise.all([fetch(url).then((r) => r.json()), reliefUrl ? loadTexture(reliefUrl) : null]);
  const { arcs, polygons } = decodeTopology(topo, 'land');
  let material;
  if (relief) {
    relief.colorSpace = THREE.SRGBColorSpace;
    relief.anisotropy = 4;
    material = new THREE.MeshBasicMaterial({ map: relief, color: RELIEF_TINT });
  } else {
    console.warn('SkySentinel: the relief texture did not load; drawing the land from the coastlines');
    material = new THREE.MeshBasicMaterial({ map: landTexture(polygons) });
  }
  const sphere = new THREE.Mesh(new THREE.SphereGeometry(1, 128, 64), material);
  sphere.name = 'earth';
  scene.add(sphere);
  scene.add(lines(arcs, 1.0004, COAST, relief ? 0.45 : 0.9));
  scene.add(lines(graticule(15), 1.0002, GRID, relief ? 0.35 : 0.6));
  return { sphere, texture: relief ? 'relief' : 'fallback' };
}

/** Land filled into an equirectangular canvas (row 0 = north, column 0 = lon -180). */
function landTexture(polygons) {
  const w = 4096, h = 2048;
  const canvas = document.createElement('canvas');
  canvas.width = w; canvas.height = h;
  const g = canvas.getContext('2d');
  g.fillStyle = OCEAN;
  g.fillRect(0, 0, w, h);
  g.fillStyle = LAND;
  const X = (lon) => ((lon + 180) / 360) * w, Y = (lat) => ((90 - lat) / 180) * h;
  for (const shift of [-360, 0, 360]) {
    for (const poly of polygons) {
      g.beginPath();
      for (const ring of poly) {
        // Unwrap longitudes so a ring that crosses the antimeridian stays one shape; the shifted copies
        // draw the part that then lies beyond ±180.
        let prev = ring[0][0], off = 0;
        ring.forEach(([lon, lat], i) => {
          if (i > 0 && lon - prev > 180) off -= 360; else if (i > 0 && prev - lon > 180) off += 360;
          prev = lon;
          const x = X(lon + off + shift), y = Y(lat);
          if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
        });
        g.closePath();
      }
      g.fill('evenodd');
    }
  }
  const tex = new THREE.CanvasTexture(canvas);
  tex.colorSpace = THREE.SRGBColorSpace;
  tex.anisotropy = 4;
  return tex;
}

function graticule(step) {
  const out = [];
  for (let lat = -90 + step; lat < 90; lat += step) {
    const line = [];
    for (let lon = -180; lon <= 180; lon += 2) line.push([lon, lat]);
    out.push(line);
  }
  for (let lon = -180; lon < 180; lon += step) {
    const line = [];
    for (let lat = -90; lat <= 90; lat += 2) line.push([lon, lat]);
    out.push(line);
  }
  return out;
}

/** Polylines of [lon, lat] as one LineSegments object (one draw call). */
export function lines(polylines, r, color, opacity) {
  let n = 0;
  for (const l of polylines) n += Math.max(0, l.length - 1);
  const pos = new Float32Array(n * 6);
  const p = {};
  let k = 0;
  for (const l of polylines) {
    for (let i = 0; i + 1 < l.length; i++) {
      toXYZ(l[i][1], l[i][0], r, p); pos[k++] = p.x; pos[k++] = p.y; pos[k++] = p.z;
      toXYZ(l[i + 1][1], l[i + 1][0], r, p); pos[k++] = p.x; pos[k++] = p.y; pos[k++] = p.z;
    }
  }
  const geom = new THREE.BufferGeometry();
  geom.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  return new THREE.LineSegments(geom, new THREE.LineBasicMaterial({ color, transparent: opacity < 1, opacity }));
}
