// The alignment network: states and organisations as nodes, an edge for
// each pair that shares events, wide by count and coloured by cooperation
// minus conflict (Cytoscape.js). A year slider redraws it for another
// period; clicking an edge lists its events. The table under the graph
// holds the strongest edges without JavaScript.
const box = document.getElementById("graph");
const list = document.getElementById("edge-events");
const title = document.getElementById("edge-title");
const slider = document.getElementById("year");
const out = document.getElementById("year-out");
const form = document.getElementById("network-form");
let cy = null;

if (box && window.cytoscape) {
  const now = new Date().getUTCFullYear();
  if (slider) {
    slider.max = String(now);
    const from = form.elements.from.value;
    slider.value = /^\d{4}/.test(from) ? from.slice(0, 4) : String(now);
    out.textContent = /^\d{4}/.test(from) ? slider.value : "all years";
    slider.addEventListener("change", () => {
      form.elements.from.value = slider.value;
      form.elements.to.value = slider.value;
      out.textContent = slider.value;
      const q = new URLSearchParams(new FormData(form));
      for (const [k, v] of [...q]) if (v === "") q.delete(k);
      history.replaceState(null, "", "/network?" + q.toString());
      load("/api/v1/network?" + q.toString()).catch(fail);
    });
  }
  load(box.dataset.src).catch(fail);
}

function fail(err) { box.textContent = "The network could not be drawn: " + err.message; }

async function load(src) {
  const t0 = performance.now();
  delete box.dataset.ms;
  const resp = await fetch(src, { headers: { Accept: "application/json" } });
  if (!resp.ok) throw new Error((await resp.json()).error);
  const net = await resp.json();
  box.dataset.fetchMs = String(Math.round(performance.now() - t0));
  const big = net.edges.length > 500;
  const maxCount = Math.max(1, ...net.edges.map((e) => e.count));
  const elements = [];
  for (const n of net.nodes) elements.push({ group: "nodes", data: { id: n.id, label: n.id, name: n.name, kind: n.kind, events: n.events } });
  for (const e of net.edges) {
    elements.push({ group: "edges", data: { id: e.source + "|" + e.target, source: e.source, target: e.target,
      count: e.count, score: e.score, tone: e.score > 0 ? "coop" : e.score < 0 ? "conf" : "even" } });
  }
  if (cy) cy.destroy();
  cy = cytoscape({
    container: box,
    elements,
    wheelSensitivity: 0.3,
    maxZoom: 1.5,
    // A large network pans and zooms as a picture, edges hidden meanwhile.
    pixelRatio: big ? 1 : "auto",
    hideEdgesOnViewport: big,
    textureOnViewport: big,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, width: 22, height: 22, "background-color": "#1f5fa8", color: "#1d232a", "text-valign": "top", "text-margin-y": -3 } },
      { selector: "node[kind = 'org']", style: { shape: "round-rectangle", "background-color": "#7a4fa0" } },
      { selector: "edge", style: { width: `mapData(count, 1, ${maxCount}, 1.5, 10)`, "curve-style": "haystack", opacity: 0.75, "line-color": "#98a2ad" } },
      { selector: "edge[tone = 'coop']", style: { "line-color": "#2e7d4f" } },
      { selector: "edge[tone = 'conf']", style: { "line-color": "#b3332e" } },
      { selector: "edge:selected", style: { opacity: 1, "line-color": "#f0b429" } },
    ],
    layout: net.nodes.length > 60 ? { name: "concentric", concentric: (n) => n.degree(), levelWidth: () => 4, animate: false }
      : { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000 },
  });
  cy.on("tap", "edge", (ev) => showEdge(ev.target.data()).catch((err) => { list.textContent = err.message; }));
  // Drawn: the layout is done and a frame has been painted.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  box.dataset.ms = String(Math.round(performance.now() - t0));
  box.dataset.nodes = String(cy.nodes().length);
  box.dataset.edges = String(cy.edges().length);
  window.entente = Object.assign(window.entente || {}, { cy });
}

async function showEdge(d) {
  const q = new URLSearchParams({ dyad: d.source + "-" + d.target, limit: "100" });
  for (const k of ["from", "to", "types"]) {
    const v = form.elements[k] && form.elements[k].value;
    if (v) q.set(k === "types" ? "type" : k, v);
  }
  const resp = await fetch("/api/v1/events?" + q.toString(), { headers: { Accept: "application/json" } });
  const page = await resp.json();
  if (!resp.ok) throw new Error(page.error);
  title.textContent = d.source + " – " + d.target + ": " + d.count + " events";
  list.replaceChildren();
  for (const e of page.items) {
    const li = document.createElement("li");
    li.dataset.id = e.id;
    const a = document.createElement("a");
    a.href = "/events/" + encodeURIComponent(e.id);
    a.textContent = e.type + (e.date ? " " + e.date.start : "");
    li.append(a, document.createElement("br"), document.createTextNode(e.actors.map((x) => x.name).join(", ")));
    list.append(li);
  }
  if (page.next) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = "/events?" + q.toString();
    a.textContent = "All of them";
    li.append(a);
    list.append(li);
  }
}
