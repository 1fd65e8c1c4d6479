// detente workspace: draws the Plotly figures the server built, and re-runs the forecast in place.
"use strict";

function drawCharts(root) {
  (root || document).querySelectorAll("[data-figure]").forEach((el) => {
    const fig = JSON.parse(el.dataset.figure);
    Plotly.newPlot(el, fig.data, fig.layout, { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["lasso2d", "select2d"] });
  });
}

function forecastInputs() {
  const node = document.querySelector("#forecast-panel .forecast-inputs");
  return node ? JSON.parse(node.textContent) : null;
}

function setupForecast() {
  const form = document.getElementById("forecast-form");
  if (!form) return;
  const panel = document.getElementById("forecast-panel");
  const status = document.getElementById("forecast-status");
  const actorSel = document.getElementById("wi-actor");
  const whatSel = document.getElementById("wi-what");
  const issueSel = document.getElementById("wi-issue");
  const slider = document.getElementById("wi-value");
  const out = document.getElementById("wi-out");
  let settings = Array.from(form.querySelectorAll("input[name=set]")).map((i) => i.value);

  function target() {
    const what = whatSel.value;
    return what === "capability" ? `${actorSel.value}.capability` : `${actorSel.value}.${issueSel.value}.${what}`;
  }
  function current() {
    const inputs = forecastInputs();
    if (!inputs) return 50;
    const what = whatSel.value;
    if (what === "capability") {
      const a = inputs.actors.find((x) => x.code === actorSel.value);
      return a ? a.capability : 50;
    }
    const k = inputs.issues.indexOf(issueSel.value);
    const p = (inputs.positions[k] || []).find((x) => x.actor === actorSel.value);
    return p ? (what === "salience" ? p.salience : p.position) : 50;
  }
  function syncSlider() {
    const what = whatSel.value;
    issueSel.disabled = what === "capability";
    if (what === "salience") { slider.min = 0; slider.max = 1; slider.step = 0.05; }
    else if (what === "capability") { slider.min = 0; slider.max = 200; slider.step = 1; }
    else { slider.min = 0; slider.max = 100; slider.step = 1; }
    slider.value = current();
    out.textContent = slider.value;
  }
  async function rerun() {
    const params = new URLSearchParams();
    const variant = form.querySelector("input[name=variant]:checked");
    if (variant && variant.value) params.set("variant", variant.value);
    form.querySelectorAll("input[name=model]:checked").forEach((m) => params.append("model", m.value));
    if (!form.querySelector("input[name=model]:checked")) { status.textContent = "choose at least one model"; return; }
    params.set("draws", form.querySelector("input[name=draws]").value);
    params.set("seed", form.querySelector("input[name=seed]").value);
    settings.forEach((s) => params.append("set", s));
    status.textContent = "running the models…";
    status.classList.add("busy");
    const started = performance.now();
    try {
      const response = await fetch(`/forecast/panel?${params}`, { headers: { Accept: "text/html" } });
      const text = await response.text();
      if (!response.ok) {
        const doc = new DOMParser().parseFromString(text, "text/html");
        const h = doc.querySelector("h1");
        status.textContent = `error ${response.status}: ${h ? h.textContent : text}`;
        return;
      }
      panel.innerHTML = text;
      drawCharts(panel);
      history.replaceState(null, "", `/forecast?${params}`);
      status.textContent = `re-run in ${((performance.now() - started) / 1000).toFixed(2)} s`;
    } catch (err) {
      status.textContent = `the server did not answer: ${err}`;
    } finally {
      status.classList.remove("busy");
    }
  }
  actorSel.addEventListener("change", syncSlider);
  whatSel.addEventListener("change", syncSlider);
  issueSel.addEventListener("change", syncSlider);
  slider.addEventListener("input", () => { out.textContent = slider.value; });
  slider.addEventListener("change", () => {
    const t = target();
    settings = settings.filter((s) => !s.startsWith(`${t}=`));
    settings.push(`${t}=${slider.value}`);
    rerun();
  });
  document.getElementById("wi-apply").addEventListener("click", () => slider.dispatchEvent(new Event("change")));
  document.getElementById("wi-reset").addEventListener("click", () => { settings = []; rerun().then(syncSlider); });
  form.querySelectorAll("input[name=variant], input[name=model]").forEach((el) => el.addEventListener("change", rerun));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); rerun(); });
  syncSlider();
}

document.addEventListener("DOMContentLoaded", () => {
  drawCharts(document);
  setupForecast();
});
