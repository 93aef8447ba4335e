/**
 * @module Graph view: an entity's neighbourhood drawn with cytoscape (served locally from
 * /vendor/). Nodes are coloured by type (the colours come from style.css's custom properties),
 * typed edges are labelled, and clicking a node opens its page. The same connections are listed
 * below the drawing as links, for keyboard and screen-reader users.
 */
import { api } from '../api.js';
import { entityChip } from '../components.js';
import { h, route } from '../dom.js';
import { TYPE_LABEL, typeClass } from '../format.js';
import { entityHeader } from './entity-header.js';

/** @param {{ id: string, depth: 1 | 2, signal: AbortSignal }} ctx */
export async function renderGraph(ctx) {
  const [page, graph] = await Promise.all([api.entity(ctx.id, ctx.signal), api.graph(ctx.id, ctx.depth, ctx.signal)]);
  const canvas = h('div', { class: 'graph-canvas', role: 'img', 'aria-label': `Graph of ${page.entity.name} and ${Math.max(0, graph.nodes.length - 1)} connected entities` });
  const types = [...new Set(graph.nodes.map((n) => n.type))];
  const depthLinks = h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': 'Depth' },
    [1, 2].map((d) =>
      h('a', { class: `segment${d === ctx.depth ? ' is-active' : ''}`, href: route(['entity', ctx.id, 'graph'], d === 2 ? { depth: 2 } : null), 'aria-current': d === ctx.depth ? 'page' : null }, d === 1 ? 'Direct links' : 'Two steps'),
    ),
  );
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const node = h(
    'article',
    { class: 'graph-view' },
    entityHeader(page, 'graph'),
    h(
      'section',
      { class: 'card graph-card' },
      h(
        'div',
        { class: 'graph-toolbar' },
        depthLinks,
        h('ul', { class: 'legend', 'aria-label': 'Node colours' }, types.map((t) => h('li', null, h('span', { class: `dot ${typeClass(t)}`, 'aria-hidden': 'true' }), TYPE_LABEL[t] ?? t))),
      ),
      graph.nodes.length > 1 ? canvas : h('p', { class: 'muted graph-empty' }, 'No connections yet.'),
      h('p', { class: 'muted graph-hint' }, 'Click a node to open its page. Drag to move, scroll to zoom.'),
    ),
    graph.edges.length
      ? h(
          'section',
          { class: 'card connections', 'aria-labelledby': 'conn-title' },
          h('h2', { id: 'conn-title', class: 'card-title' }, 'Connections', h('span', { class: 'count' }, String(graph.edges.length))),
          h(
            'ul',
            { class: 'edge-list' },
            graph.edges.map((e) => {
              const s = byId.get(e.source);
              const t = byId.get(e.target);
              return h('li', null, s ? entityChip(s) : e.source, h('span', { class: 'edge-label' }, e.label), t ? entityChip(t) : e.target);
            }),
          ),
        )
      : null,
  );
  return {
    node,
    title: `${page.entity.name} — graph`,
    after: () => {
      window.scrollTo(0, 0);
      if (graph.nodes.length > 1) draw(canvas, graph).catch((err) => canvas.replaceWith(h('p', { class: 'panel error-panel' }, `The graph could not be drawn: ${err && err.message ? err.message : err}`)));
    },
  };
}

/** Distance (in edges) of every node from the centre, for the concentric layout. */
function levels(graph) {
  const adj = new Map();
  for (const e of graph.edges) {
    if (!adj.has(e.source)) adj.set(e.source, []);
    if (!adj.has(e.target)) adj.set(e.target, []);
    adj.get(e.source).push(e.target);
    adj.get(e.target).push(e.source);
  }
  const dist = new Map([[graph.center, 0]]);
  const queue = [graph.center];
  while (queue.length) {
    const n = queue.shift();
    for (const m of adj.get(n) ?? []) if (!dist.has(m)) (dist.set(m, dist.get(n) + 1), queue.push(m));
  }
  return dist;
}

async function draw(container, graph) {
  const { default: cytoscape } = await import('/vendor/cytoscape.esm.min.mjs');
  const css = getComputedStyle(document.documentElement);
  const color = (type) => css.getPropertyValue(`--t-${type}`).trim() || '#64748b';
  const ink = css.getPropertyValue('--ink').trim() || '#1f2937';
  const surface = css.getPropertyValue('--surface').trim() || '#ffffff';
  const muted = css.getPropertyValue('--muted').trim() || '#6b7280';
  const dist = levels(graph);
  // Parallel edges between the same pair (same predicate) are drawn once with a merged label.
  const edges = new Map();
  for (const e of graph.edges) {
    const key = `${e.source}|${e.target}`;
    const prev = edges.get(key);
    if (prev) {
      if (!prev.labels.includes(e.label)) prev.labels.push(e.label);
    } else edges.set(key, { id: e.id, source: e.source, target: e.target, labels: [e.label] });
  }
  const maxDegree = Math.max(1, ...graph.nodes.map((n) => n.degree ?? 1));
  const manyEdges = graph.edges.length > 12;
  // Two nodes with one name (the film and the novel it adapts) are told apart by their kind.
  const nameCount = new Map();
  for (const n of graph.nodes) nameCount.set(n.name, (nameCount.get(n.name) ?? 0) + 1);
  const labelOf = (n) => (nameCount.get(n.name) > 1 ? `${n.name} (${String(n.subtype || n.type).replace(/_/g, ' ')})` : n.name);
  const cy = cytoscape({
    container,
    elements: [
      ...graph.nodes.map((n) => ({
        data: { id: n.id, label: labelOf(n), color: color(n.type), size: 26 + 26 * Math.sqrt((n.degree ?? 1) / maxDegree), level: 10 - (dist.get(n.id) ?? 3) },
        classes: n.id === graph.center ? 'center' : '',
      })),
      ...[...edges.values()].map((e) => ({ data: { id: `edge:${e.id}`, source: e.source, target: e.target, label: e.labels.join(' · ') } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)',
          width: 'data(size)',
          height: 'data(size)',
          label: 'data(label)',
          color: ink,
          'font-size': 12,
          'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
          'font-weight': 600,
          'text-valign': 'bottom',
          'text-margin-y': 5,
          'text-wrap': 'wrap',
          'text-max-width': 140,
          'text-outline-color': surface,
          'text-outline-width': 2,
          'border-width': 2,
          'border-color': surface,
        },
      },
      { selector: 'node.center', style: { width: 64, height: 64, 'border-width': 4, 'border-color': ink, 'font-size': 14 } },
      { selector: 'node:active, node.hover', style: { 'overlay-opacity': 0.08 } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': muted,
          'target-arrow-color': muted,
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          'curve-style': 'bezier',
          // Many edges: labels appear when a node is hovered or tapped (all are listed below).
          label: manyEdges ? '' : 'data(label)',
          'font-size': 10,
          color: muted,
          'text-rotation': 'autorotate',
          'text-background-color': surface,
          'text-background-opacity': 1,
          'text-background-padding': 2,
          opacity: 0.85,
        },
      },
      { selector: 'edge.labelled', style: { label: 'data(label)', 'line-color': ink, 'target-arrow-color': ink, opacity: 1, 'z-index': 10 } },
    ],
    // A star (one step) reads best in rings around the centre; larger neighbourhoods need a
    // force-directed layout or the outer ring gets so wide that fitting shrinks every label.
    layout:
      graph.nodes.length <= 12
        ? { name: 'concentric', concentric: (n) => n.data('level'), levelWidth: () => 1, minNodeSpacing: 60, spacingFactor: 1.25, padding: 36, animate: false }
        : { name: 'cose', animate: false, randomize: true, idealEdgeLength: () => 120, nodeRepulsion: () => 12000, gravity: 0.5, numIter: 1500, padding: 30, nodeDimensionsIncludeLabels: true },
    minZoom: 0.3,
    maxZoom: 2.5,
    wheelSensitivity: 0.3,
  });
  // Fitting a wide neighbourhood zooms out; keep labels readable (about 12 px on screen).
  const zoom = cy.zoom();
  if (zoom < 1) {
    const k = Math.min(1.6, 1 / zoom);
    cy.style()
      .selector('node')
      .style({ 'font-size': 12 * k, 'text-max-width': 140 * k, 'text-outline-width': 2 * k })
      .selector('node.center')
      .style({ 'font-size': 14 * k })
      .selector('edge')
      .style({ 'font-size': 10 * k, 'text-background-padding': 2 * k })
      .update();
  }
  cy.on('tap', 'node', (ev) => {
    location.hash = route(['entity', ev.target.id()]);
  });
  if (manyEdges) cy.getElementById(graph.center).connectedEdges().addClass('labelled');
  cy.on('mouseover', 'node', (ev) => {
    cy.edges().removeClass('labelled');
    ev.target.connectedEdges().addClass('labelled');
    ev.target.addClass('hover');
    container.classList.add('is-pointer');
  });
  cy.on('mouseout', 'node', (ev) => {
    ev.target.removeClass('hover');
    container.classList.remove('is-pointer');
  });
  // Reachable from devtools and the browser tests (to click a node by its position).
  Object.defineProperty(container, 'cy', { value: cy });
  container.dataset.ready = 'true';
  return cy;
}
