// Sphere geometry and the TopoJSON land data. The globe has radius 1 (one Earth radius); altitudes are
// exaggerated so that cruise levels stand visibly off the surface.
const DEG = Math.PI / 180;
export const EARTH_RADIUS_M = 6371000;
export const ALTITUDE_EXAGGERATION = 25;

/** Globe radius of a point at `altM` metres above the surface. */
export function radiusAt(altM) { return 1 + (Math.max(0, altM) * ALTITUDE_EXAGGERATION) / EARTH_RADIUS_M; }

/**
 * lat/lon (degrees) at radius r to three.js world coordinates: y is north, lon 0 faces +x, lon 90 faces -z.
 * This is where three's SphereGeometry puts an equirectangular texture (u = 0 at lon -180).
 */
export function toXYZ(lat, lon, r, out) {
  const phi = lat * DEG, lam = lon * DEG, c = Math.cos(phi);
  out.x = r * c * Math.cos(lam);
  out.y = r * Math.sin(phi);
  out.z = -r * c * Math.sin(lam);
  return out;
}

export function toLatLon(x, y, z) {
  const r = Math.hypot(x, y, z);
  return { lat: Math.asin(y / r) / DEG, lon: Math.atan2(-z, x) / DEG };
}

/** Unit vectors north and east at lat/lon (the tangent plane), written into n and e. */
export function tangents(lat, lon, n, e) {
  const phi = lat * DEG, lam = lon * DEG;
  const sp = Math.sin(phi), cp = Math.cos(phi), sl = Math.sin(lam), cl = Math.cos(lam);
  n.x = -sp * cl; n.y = cp; n.z = sp * sl;
  e.x = -sl; e.y = 0; e.z = -cl;
}

/**
 * Decodes a quantized TopoJSON topology's arcs into lon/lat rings (arrays of [lon, lat]) and the polygons of
 * one object (arrays of rings, each ring an array of [lon, lat]). Written for world-atlas's land file.
 */
export function decodeTopology(topo, objectName) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  function ring(indexes) {
    const out = [];
    for (const i of indexes) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      for (let k = out.length ? 1 : 0; k < arc.length; k++) out.push(arc[k]);
    }
    return out;
  }
  const polygons = [];
  const geoms = topo.objects[objectName].geometries ?? [topo.objects[objectName]];
  for (const g of geoms) {
    if (g.type === 'Polygon') polygons.push(g.arcs.map(ring));
    else if (g.type === 'MultiPolygon') for (const p of g.arcs) polygons.push(p.map(ring));
  }
  return { arcs, polygons };
}

/** The point `distM` metres from lat/lon along the initial great-circle bearing `bearingDeg` (degrees out). */
export function destination(lat, lon, bearingDeg, distM) {
  const d = distM / EARTH_RADIUS_M, b = bearingDeg * DEG, p1 = lat * DEG, l1 = lon * DEG;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [p2 / DEG, ((l2 / DEG + 540) % 360) - 180];
}

/** Points along the great circle from a to b ([lat, lon] each), about one per `stepDeg` of arc, both ends included. */
export function greatCircle(a, b, stepDeg = 1) {
  const v = (p) => { const o = toXYZ(p[0], p[1], 1, {}); return [o.x, o.y, o.z]; };
  const [ax, ay, az] = v(a), [bx, by, bz] = v(b);
  const omega = Math.acos(Math.max(-1, Math.min(1, ax * bx + ay * by + az * bz)));
  const n = Math.max(1, Math.ceil(omega / DEG / stepDeg));
  const out = [];
  for (let i = 0; i <= n; i++) {
    const f = i / n;
    const s = Math.sin(omega);
    const ka = s < 1e-9 ? 1 - f : Math.sin((1 - f) * omega) / s, kb = s < 1e-9 ? f : Math.sin(f * omega) / s;
    const ll = toLatLon(ka * ax + kb * bx, ka * ay + kb * by, ka * az + kb * bz);
    out.push([ll.lat, ll.lon]);
  }
  return out;
}
