// Country borders from world-atlas's countries-50m.json (Natural Earth 1:50m admin-0, public domain; geo/SOURCE.md):
// the arcs that two different countries share, i.e. the land borders without the coastlines (those come from the
// land file), as one LineSegments object: one draw call.
import { decodeTopology } from './geo.js';
import { lines } from './earth.js';

const BORDER = 0xe8d8a8;

/** Indexes of the arcs used by two different geometries of a TopoJSON object (topojson.mesh's a !== b). */
export function sharedArcs(object) {
  const owner = new Map(), shared = new Set();
  object.geometries.forEach((g, gi) => {
    const visit = (x) => {
      if (Array.isArray(x)) { x.forEach(visit); return; }
      const arc = x < 0 ? ~x : x;
      const o = owner.get(arc);
      if (o === undefined) owner.set(arc, gi); else if (o !== gi) shared.add(arc);
    };
    visit(g.arcs ?? []);
  });
  return [...shared].sort((a, b) => a - b);
}

/** Adds the borders to the scene; resolves to the number of line segments drawn. */
export async function buildBorders(scene, url) {
  const topo = await (await fetch(url)).json();
  const { arcs } = decodeTopology(topo, 'countries');
  const border = sharedArcs(topo.objects.countries).map((i) => arcs[i]);
  const obj = lines(border, 1.0006, BORDER, 0.55);
  obj.name = 'borders';
  scene.add(obj);
  return obj.geometry.getAttribute('position').count / 2;
}
