// The timeline: events per period stacked by type, cooperative types above
// the axis and conflictual ones below (uPlot bars). The server-rendered
// table under the chart holds the same numbers without JavaScript.
const box = document.getElementById("chart");
if (box && window.uPlot) {
  draw(box).catch((err) => { box.textContent = "The chart could not be drawn: " + err.message; });
}

async function draw(box) {
  const resp = await fetch(box.dataset.src, { headers: { Accept: "application/json" } });
  if (!resp.ok) throw new Error((await resp.json()).error);
  const s = await resp.json();
  const periods = s.periods;
  const types = Object.keys(s.signs || {}).sort();
  const up = types.filter((t) => s.signs[t] > 0);
  const down = types.filter((t) => s.signs[t] < 0);
  const other = types.filter((t) => !(s.signs[t] > 0) && !(s.signs[t] < 0));
  const xs = periods.map((p) => Date.parse(p.start + "T00:00:00Z") / 1000);
  // Cumulative stacks: each series is drawn as the sum of itself and the
  // ones after it, from the widest down, so the bars read as a stack.
  const stack = (group, sign) => {
    const out = [];
    group.forEach((t, i) => {
      out.push({ type: t, sign, values: periods.map((p) => sign * group.slice(i).reduce((n, u) => n + (p.types[u] || 0), 0)) });
    });
    return out;
  };
  const stacks = [...stack(up.concat(other), 1), ...stack(down, -1)];
  const palette = { 1: ["#1b5e3a", "#2e7d4f", "#4f9d6e", "#7dbb93", "#a9d6b6", "#cde8d4", "#e6f4ea", "#9fb8a8"],
    [-1]: ["#7f1d1a", "#b3332e", "#d0574f", "#e58a80", "#f2b8b0", "#f9dcd7", "#c99", "#a66"] };
  let n1 = 0, n2 = 0;
  const bars = uPlot.paths.bars({ size: [0.7, 60] });
  const series = [{ label: "period" }].concat(stacks.map((st) => ({
    label: st.type,
    fill: st.sign > 0 ? palette[1][n1++ % 8] : palette[-1][n2++ % 8],
    stroke: "transparent",
    paths: bars,
    points: { show: false },
    value: (u, v, si, i) => (i == null ? "" : String(Math.abs(periods[i].types[st.type] || 0))),
  })));
  const data = [xs].concat(stacks.map((st) => st.values));
  const width = Math.max(320, box.clientWidth || 800);
  const u = new uPlot({
    width, height: 320, series, scales: { x: { time: true } },
    axes: [{}, { values: (u, ticks) => ticks.map((v) => String(Math.abs(v))) }],
    legend: { live: true },
  }, data, box);
  u.over.addEventListener("click", () => {
    const i = u.cursor.idx;
    if (i == null) return;
    const q = new URLSearchParams(box.dataset.filter || "");
    q.set("from", periods[i].start);
    q.set("to", periods[i].end);
    window.location.assign("/events?" + q.toString());
  });
  box.dataset.periods = String(periods.length);
  box.dataset.drawn = String(u.data[0].length);
  window.entente = Object.assign(window.entente || {}, { timeline: u });
}
