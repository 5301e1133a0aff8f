/* Sozialraum web atlas: the spaces as a choropleth, their profiles, a searchable table.
 * Written by the QGIS plugin Sozialraum (sozialraum:atlas); the data come from data/*.js, which call
 * SozialraumAtlas.load(name, document) (script files, not JSON: browsers refuse fetch() from file://).
 * Map drawing: Leaflet (vendor/leaflet). No network: no tiles unless the atlas was made with a basemap URL.
 */
var SozialraumAtlas = (function () {
  "use strict";
  var data = {};
  var state = { language: "de", indicator: null, selected: null, sortKey: "space", sortUp: true, query: "" };
  var map, spacesLayer, layersById = {}, indexById = {}, rowsById = {};
  var comments = {};
  var COMMENTS_KEY = "sozialraum-atlas-comments";
  var sketch = { on: false, layer: null, stroke: null, line: null, pointer: null };
  var printMap = null;

  // ColorBrewer sequential palettes (colour-blind safe, print safe): YlOrRd where a direction of need is
  // known (darker = more need), Blues for neutral indicators (darker = higher).
  var PALETTES = {
    need: {
      2: ["#fecc5c", "#e31a1c"], 3: ["#ffeda0", "#feb24c", "#f03b20"], 4: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
      5: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],
      6: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"],
      7: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"]
    },
    neutral: {
      2: ["#9ecae1", "#3182bd"], 3: ["#deebf7", "#9ecae1", "#3182bd"], 4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
      5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
      6: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
      7: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"]
    }
  };
  var SUPPRESSED_FILL = "#bdbdbd";
  var MISSING_FILL = "#f2f2f2";

  function load(name, document_) { data[name] = document_; }

  function t(key) {
    var texts = data.atlas.texts[state.language] || {};
    return texts[key] !== undefined ? texts[key] : key;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return values[name] !== undefined ? values[name] : whole; });
  }

  function indicator(id) {
    var list = data.atlas.indicators;
    for (var i = 0; i < list.length; i++) { if (list[i].id === id) { return list[i]; } }
    return null;
  }

  function palette(entry) {
    var classes = Math.max(2, Math.min(7, data.atlas.breaks.length + 1));
    var colours = (entry.sign === 0 ? PALETTES.neutral : PALETTES.need)[classes];
    return entry.legend[state.language].length === 1 ? [colours[Math.floor(classes / 2)]] : colours;
  }

  function isSuppressed(entry, position) {
    return entry.texts[state.language][position] === data.atlas.marks.suppressed;
  }

  function colour(entry, position) {
    var klass = entry.classes[position];
    if (klass === null || klass === undefined) { return isSuppressed(entry, position) ? SUPPRESSED_FILL : MISSING_FILL; }
    return palette(entry)[klass - 1];
  }

  function spaceLabel(position) {
    var space = data.atlas.spaces[position];
    return space.name ? space.name + " (" + space.id + ")" : space.id;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  // -- map (opaque fills without a background map: the colours are exactly the legend's) ---------------------------------------------------------------------------------------
  function style(feature) {
    var position = indexById[String(feature.properties.id)];
    var entry = indicator(state.indicator);
    var selected = String(feature.properties.id) === state.selected;
    return { fillColor: colour(entry, position), fillOpacity: data.atlas.basemap ? 0.7 : 1, color: selected ? "#000000" : "#555555",
             weight: selected ? 3.5 : 0.8, opacity: 1 };
  }

  function tooltip(position) {
    var entry = indicator(state.indicator);
    return spaceLabel(position) + ": " + entry.texts[state.language][position] + (entry.unit[state.language] ? " " + entry.unit[state.language] : "");
  }

  function buildMap() {
    map = L.map("map", { zoomSnap: 0.25, attributionControl: true, zoomControl: false });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>');
    var overlays = {};
    if (data.atlas.basemap && data.atlas.basemap.url) {
      L.tileLayer(data.atlas.basemap.url, { attribution: data.atlas.basemap.attribution || "", maxZoom: 19 }).addTo(map);
    }
    spacesLayer = L.geoJSON(data.spaces, {
      style: style,
      onEachFeature: function (feature, layer) {
        var id = String(feature.properties.id);
        layersById[id] = layer;
        layer.on("click", function () { if (!sketch.on) { select(id, true); } });
        layer.bindTooltip(function () { return tooltip(indexById[id]); }, { sticky: true });
        // the SVG path exists once the map has a view: mark it with its space (tests, styling)
        layer.on("add", function () { layer.getElement().setAttribute("data-space", id); });
      }
    }).addTo(map);
    if (data.blocks && data.blocks.features.length) {
      overlays.blocks = L.geoJSON(data.blocks, { interactive: false, style: { color: "#7a7a7a", weight: 0.4, fill: false, opacity: 0.8 } });
    }
    if (data.barriers && data.barriers.features.length) {
      overlays.barriers = L.geoJSON(data.barriers, { interactive: false, style: { color: "#08306b", weight: 2, opacity: 0.9, dashArray: "6 3" } }).addTo(map);
    }
    map.fitBounds(spacesLayer.getBounds(), { padding: [8, 8] });
    state.overlays = overlays;
  }

  function zoomControl() {  // Leaflet's buttons have English tooltips: made again in the page's language
    if (state.zoomControl) { map.removeControl(state.zoomControl); }
    state.zoomControl = L.control.zoom({ zoomInTitle: t("zoom_in"), zoomOutTitle: t("zoom_out") }).addTo(map);
  }

  function layerControl() {
    if (state.layerControl) { map.removeControl(state.layerControl); }
    var named = {};
    if (state.overlays.blocks) { named[t("layer_blocks")] = state.overlays.blocks; }
    if (state.overlays.barriers) { named[t("layer_barriers")] = state.overlays.barriers; }
    if (Object.keys(named).length) { state.layerControl = L.control.layers(null, named, { collapsed: false }).addTo(map); }
  }

  function drawLegend() {
    var entry = indicator(state.indicator);
    var box = document.getElementById("legend");
    box.textContent = "";
    var unit = entry.unit[state.language];
    box.appendChild(element("strong", entry.label[state.language] + (unit ? " (" + unit + ")" : "")));
    var list = element("ul");
    var colours = palette(entry);
    entry.legend[state.language].forEach(function (text, i) {
      var item = element("li");
      var swatch = element("span", null, "swatch");
      swatch.style.background = colours[i];
      item.appendChild(swatch);
      item.appendChild(element("span", text || t("legend_all")));
      list.appendChild(item);
    });
    [[SUPPRESSED_FILL, t("legend_suppressed")], [MISSING_FILL, t("legend_missing")]].forEach(function (pair) {
      var item = element("li");
      var swatch = element("span", null, "swatch");
      swatch.style.background = pair[0];
      item.appendChild(swatch);
      item.appendChild(element("span", pair[1]));
      list.appendChild(item);
    });
    box.appendChild(list);
    if (entry.kind !== "index") {
      box.appendChild(element("p", entry.municipal_text[state.language] && entry.municipal !== null
        ? fill(t("legend_municipal"), { value: entry.municipal_text[state.language] + (unit ? " " + unit : "") })
        : t("legend_no_municipal"), "municipal"));
    }
    box.appendChild(element("p", entry.legend[state.language].length === 1 ? t("legend_no_spread")
      : entry.sign === 0 ? t("legend_neutral") : t("legend_need"), "note"));
  }

  function recolour() {
    spacesLayer.setStyle(style);
    if (state.selected && layersById[state.selected]) { layersById[state.selected].bringToFront(); }
    drawLegend();
  }

  // -- profile -------------------------------------------------------------------------------------
  function drawAge(position) {
    var box = document.getElementById("profile-age");
    box.textContent = "";
    var age = data.atlas.age;
    if (!age) { box.appendChild(element("p", t("page_no_age"))); return; }
    var total = indicator(age.total);
    box.appendChild(element("h3", total.label[state.language] + ": " + total.texts[state.language][position]));
    box.appendChild(element("p", t("page_age"), "chart-title"));
    var legend = element("p", null, "chart-legend");
    legend.appendChild(element("span", t("page_legend_space"), "key-space"));
    legend.appendChild(element("span", t("page_legend_town"), "key-town"));
    box.appendChild(legend);
    var chart = element("div", null, "age-chart");
    chart.setAttribute("role", "list");
    var largest = 1;
    age.bars[position].forEach(function (bar) { largest = Math.max(largest, bar[0] || 0, bar[1] || 0); });
    age.bars[position].forEach(function (bar, i) {
      var row = element("div", null, "age-row");
      row.setAttribute("role", "listitem");
      row.appendChild(element("span", age.labels[state.language][i], "age-label"));
      var track = element("span", null, "age-track");
      var share = bar[0], town = bar[1];
      if (share !== null && !bar[2]) {
        var filled = element("span", null, "age-bar");
        filled.style.width = (100 * share / largest) + "%";
        track.appendChild(filled);
      }
      if (town !== null) {
        var mark = element("span", null, "age-town");
        mark.style.left = (100 * town / largest) + "%";
        mark.title = t("page_legend_town") + ": " + number(town, 1) + " %";
        track.appendChild(mark);
      }
      row.appendChild(track);
      var value = bar[2] ? data.atlas.marks.suppressed : share === null ? data.atlas.marks.not_available : number(share, 1) + " %";
      var townText = town === null ? "" : " (" + number(town, 1) + " %)";
      row.appendChild(element("span", value + townText, "age-value"));
      chart.appendChild(row);
    });
    box.appendChild(chart);
  }

  function number(value, decimals) {
    return new Intl.NumberFormat(state.language === "de" ? "de-DE" : "en-GB",
      { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  }

  function drawProfile() {
    var hint = document.getElementById("profile-hint");
    var body = document.getElementById("profile-body");
    if (state.selected === null) { hint.hidden = false; body.hidden = true; return; }
    hint.hidden = true; body.hidden = false;
    var position = indexById[state.selected];
    var space = data.atlas.spaces[position];
    document.getElementById("profile-title").textContent = t("page_title") + " " + spaceLabel(position);
    var parts = [];
    if (space["class"][state.language]) { parts.push(fill(t("page_index"), { status: space["class"][state.language] })); }
    if (space.type !== null && space.type !== undefined) { parts.push(fill(t("page_type"), { number: space.type })); }
    document.getElementById("profile-status").textContent = parts.join("  \u00b7  ");
    drawAge(position);
    var body_ = document.querySelector("#profile-table tbody");
    body_.textContent = "";
    var group = null;
    data.atlas.indicators.forEach(function (entry) {
      if (entry.kind === "index") { return; }
      if (entry.group[state.language] !== group) {
        group = entry.group[state.language];
        var head = element("tr", null, "group");
        var cell = element("th", group);
        cell.colSpan = 5; cell.scope = "rowgroup";
        head.appendChild(cell);
        body_.appendChild(head);
      }
      var row = element("tr");
      row.setAttribute("data-indicator", entry.id);
      var label = row.appendChild(element("th", entry.label[state.language]));
      label.scope = "row";
      if (entry.unit[state.language]) {  // shown on phones, where the unit column is left out for width
        label.appendChild(element("span", " (" + entry.unit[state.language] + ")", "inline-unit"));
      }
      row.appendChild(element("td", entry.unit[state.language], "unit"));
      row.appendChild(element("td", entry.texts[state.language][position], "number value"));
      row.appendChild(element("td", entry.municipal_text[state.language], "number municipal"));
      row.appendChild(element("td", entry.differences[state.language][position], "number difference"));
      body_.appendChild(row);
    });
    document.getElementById("profile-footnote").textContent = t("page_footnote") + (data.atlas.indicators.some(function (entry) {
      return entry.kind !== "index" && entry.municipal !== null; }) ? "" : " " + t("page_no_municipal"));
    drawComment();
    drawPrintMap();
  }

  // -- the print view's map: the space and its neighbours (a second Leaflet map, off screen until printed) --
  function drawPrintMap() {
    var box = document.getElementById("print-map");
    if (!box || state.selected === null || !layersById[state.selected]) { return; }
    if (!printMap) {
      // a fixed size in CSS pixels, the same on screen (off it) and on paper: Leaflet draws once, nothing resizes at print
      printMap = L.map(box, { zoomControl: false, attributionControl: false, dragging: false, keyboard: false,
                              scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, touchZoom: false,
                              zoomSnap: 0, fadeAnimation: false, zoomAnimation: false, markerZoomAnimation: false });
      printMap.createPane("labels").style.zIndex = 650;
    }
    printMap.eachLayer(function (layer) { printMap.removeLayer(layer); });
    var bounds = layersById[state.selected].getBounds();
    var view = bounds.pad(0.45);
    var neighbours = {};
    data.spaces.features.forEach(function (feature) {
      var id = String(feature.properties.id);
      if (id !== state.selected && layersById[id] && layersById[id].getBounds().intersects(bounds)) { neighbours[id] = true; }
    });
    L.geoJSON(data.spaces, {
      interactive: false,
      style: function (feature) {
        var id = String(feature.properties.id);
        if (id === state.selected) { return { fillColor: "#fdb863", fillOpacity: 1, color: "#000000", weight: 3.5, opacity: 1 }; }
        return { fillColor: neighbours[id] ? "#ffffff" : "#eeeeee", fillOpacity: 1, color: "#444444", weight: 1.2, opacity: 1 };
      },
      onEachFeature: function (feature, layer) {
        var id = String(feature.properties.id);
        layer.on("add", function () { layer.getElement().setAttribute("data-print-space", id); });
        var place = (id === state.selected || neighbours[id]) && labelPlace(feature.geometry, view);
        if (place) {
          L.tooltip({ permanent: true, direction: "center", pane: "labels", interactive: false,
                      className: id === state.selected ? "print-label selected" : "print-label" })
            .setLatLng(place).setContent(spaceLabel(indexById[id])).addTo(printMap);
        }
      }
    }).addTo(printMap);
    if (data.barriers && data.barriers.features.length) {
      L.geoJSON(data.barriers, { interactive: false, style: { color: "#08306b", weight: 2, opacity: 0.9, dashArray: "6 3" } }).addTo(printMap);
    }
    printMap.invalidateSize();
    printMap.fitBounds(view, { animate: false });
  }

  // a place for a space's name inside the part of it on the print map: of a grid over that part, the point inside
  // the space nearest the part's middle (a neighbour's own centre is often off the map)
  function labelPlace(geometry, view) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    var box = L.geoJSON(geometry).getBounds();
    if (!box.intersects(view)) { return null; }
    var south = Math.max(box.getSouth(), view.getSouth()), north = Math.min(box.getNorth(), view.getNorth());
    var west = Math.max(box.getWest(), view.getWest()), east = Math.min(box.getEast(), view.getEast());
    var middle = [(west + east) / 2, (south + north) / 2], best = null, bestDistance = Infinity;
    for (var i = 1; i < 12; i++) {
      for (var j = 1; j < 12; j++) {
        var point = [west + (east - west) * i / 12, south + (north - south) * j / 12];
        var distance = Math.pow(point[0] - middle[0], 2) + Math.pow(point[1] - middle[1], 2);
        if (distance < bestDistance && inside(point, polygons)) { best = point; bestDistance = distance; }
      }
    }
    return best && [best[1], best[0]];
  }

  function inside(point, polygons) {  // even-odd rule over every ring: holes count out
    var crossings = 0;
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        for (var a = 0, b = ring.length - 1; a < ring.length; b = a++) {
          if ((ring[a][1] > point[1]) !== (ring[b][1] > point[1]) &&
              point[0] < (ring[b][0] - ring[a][0]) * (point[1] - ring[a][1]) / (ring[b][1] - ring[a][1]) + ring[a][0]) { crossings++; }
        }
      });
    });
    return crossings % 2 === 1;
  }

  // -- table ---------------------------------------------------------------------------------------
  function columns() {
    var list = [{ key: "space", label: t("table_space") }];
    if (data.atlas.age) { list.push({ key: "residents", label: indicator(data.atlas.age.total).label[state.language], number: true }); }
    var entry = indicator(state.indicator);
    if (!data.atlas.age || entry.id !== data.atlas.age.total) {
      list.push({ key: "indicator", label: entry.label[state.language] + (entry.unit[state.language] ? " (" + entry.unit[state.language] + ")" : ""), number: true });
    }
    if (data.atlas.spaces.some(function (s) { return s["class"][state.language]; })) { list.push({ key: "class", label: t("table_class") }); }
    if (data.atlas.spaces.some(function (s) { return s.type !== null && s.type !== undefined; })) { list.push({ key: "type", label: t("table_type"), number: true }); }
    return list;
  }

  function cellValue(key, position, forSorting) {
    var space = data.atlas.spaces[position];
    if (key === "space") { return forSorting ? naturalKey(space) : spaceLabel(position); }
    if (key === "residents" || key === "indicator") {
      var entry = key === "residents" ? indicator(data.atlas.age.total) : indicator(state.indicator);
      return forSorting ? entry.values[position] : entry.texts[state.language][position];
    }
    if (key === "class") { return space["class"][state.language] || ""; }
    if (key === "type") { return forSorting ? space.type : (space.type === null || space.type === undefined ? "" : String(space.type)); }
    return "";
  }

  function naturalKey(space) {
    var number_ = Number(space.id);
    return isNaN(number_) ? String(space.name || space.id) : number_;
  }

  function compare(a, b) {
    if (a === b) { return 0; }
    if (a === null || a === undefined || a === "") { return 1; }
    if (b === null || b === undefined || b === "") { return -1; }
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b), state.language);
  }

  function drawTable() {
    var head = document.querySelector("#spaces-table thead tr");
    head.textContent = "";
    var list = columns();
    list.forEach(function (column) {
      var cell = element("th", null, column.number ? "number" : "");
      cell.scope = "col";
      var button = element("button", column.label, "sort");
      button.type = "button";
      button.addEventListener("click", function () {
        state.sortUp = state.sortKey === column.key ? !state.sortUp : true;
        state.sortKey = column.key;
        drawTable();
      });
      if (state.sortKey === column.key) { cell.setAttribute("aria-sort", state.sortUp ? "ascending" : "descending"); }
      cell.appendChild(button);
      head.appendChild(cell);
    });
    var order = data.atlas.spaces.map(function (s, i) { return i; });
    var sortKey = list.some(function (c) { return c.key === state.sortKey; }) ? state.sortKey : "space";
    order.sort(function (a, b) {
      var result = compare(cellValue(sortKey, a, true), cellValue(sortKey, b, true));
      return state.sortUp ? result : -result;
    });
    var body = document.querySelector("#spaces-table tbody");
    body.textContent = "";
    rowsById = {};
    var query = state.query.trim().toLowerCase();
    var shown = 0;
    order.forEach(function (position) {
      var space = data.atlas.spaces[position];
      var haystack = (space.id + " " + (space.name || "")).toLowerCase();
      if (query && haystack.indexOf(query) === -1) { return; }
      shown++;
      var row = element("tr");
      row.setAttribute("data-space", space.id);
      row.tabIndex = -1;
      list.forEach(function (column) {
        var cell = element(column.key === "space" ? "th" : "td", cellValue(column.key, position, false), column.number ? "number" : "");
        if (column.key === "space") { cell.scope = "row"; }
        row.appendChild(cell);
      });
      if (space.id === state.selected) { row.classList.add("selected"); row.setAttribute("aria-current", "true"); }
      row.addEventListener("click", function () { select(space.id, true); });
      body.appendChild(row);
      rowsById[space.id] = row;
    });
    var rows = body.querySelectorAll("tr");
    var focusable = (state.selected && rowsById[state.selected]) || rows[0];
    if (focusable) { focusable.tabIndex = 0; }
    document.getElementById("table-count").textContent = fill(t("table_count"), { shown: shown, total: data.atlas.spaces.length });
  }

  function tableKeys(event) {
    var row = event.target.closest("tr");
    if (!row || !row.hasAttribute("data-space")) { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll("#spaces-table tbody tr"));
    var at = rows.indexOf(row);
    var next = null;
    if (event.key === "ArrowDown") { next = rows[Math.min(at + 1, rows.length - 1)]; }
    else if (event.key === "ArrowUp") { next = rows[Math.max(at - 1, 0)]; }
    else if (event.key === "Home") { next = rows[0]; }
    else if (event.key === "End") { next = rows[rows.length - 1]; }
    else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(row.getAttribute("data-space"), true);
      var again = rowsById[row.getAttribute("data-space")];
      if (again) { again.focus(); }
      return;
    }
    if (next) {
      event.preventDefault();
      rows.forEach(function (r) { r.tabIndex = -1; });
      next.tabIndex = 0;
      next.focus();
    }
  }

  // -- comments (expert consultation) ------------------------------------------------------------------
  function commentsKey() {
    // every file:// page shares one storage: the key names this atlas (title and spaces), so two atlases
    // on one PC keep their comments apart while a re-made atlas of the same spaces finds them again
    var ids = data.atlas.spaces.map(function (space) { return space.id; }).join("|");
    var hash = 0;
    for (var i = 0; i < ids.length; i++) { hash = (hash * 31 + ids.charCodeAt(i)) | 0; }
    return COMMENTS_KEY + ":" + (data.atlas.title || "") + ":" + hash;
  }

  function readComments() {
    try { comments = JSON.parse(window.localStorage.getItem(commentsKey()) || "{}") || {}; } catch (error) { comments = {}; }
  }

  function storeComments() {
    try { window.localStorage.setItem(commentsKey(), JSON.stringify(comments)); } catch (error) { /* private mode: kept in the page */ }
  }

  function drawComment() {
    if (!data.atlas.comments) { return; }
    document.getElementById("comment-section").hidden = false;
    document.getElementById("comment-text").value = (comments.spaces && comments.spaces[state.selected]) || "";
    document.getElementById("comment-author").value = comments.author || "";
    if (sketch.on) { setSketching(false); }
    document.getElementById("sketch-start").textContent = t("sketch_start");
    drawSketches();
    countComments();
  }

  function countComments() {
    var ids = Object.keys(comments.spaces || {}).concat(Object.keys(comments.sketches || {}));
    var n = ids.filter(function (id, i) { return ids.indexOf(id) === i && commented(id); }).length;
    document.getElementById("comment-count").textContent = fill(t("comment_count"), { count: n });
  }

  function strokesOf(id) { return (comments.sketches && comments.sketches[id]) || []; }

  function commented(id) {
    return Boolean((comments.spaces && (comments.spaces[id] || "").trim()) || strokesOf(id).length);
  }

  function commentFile() {
    var ids = Object.keys(comments.spaces || {});
    Object.keys(comments.sketches || {}).forEach(function (id) { if (ids.indexOf(id) < 0) { ids.push(id); } });
    return {
      format: "sozialraum-atlas-comments", version: 1, atlas: data.atlas.title, author: comments.author || "",
      written: new Date().toISOString(),
      comments: ids.filter(commented).map(function (id) {
        var entry = { space: id, text: ((comments.spaces || {})[id] || "").trim() };
        // GeoJSON (RFC 7946): longitude, latitude in WGS 84; a closed stroke ends where it began
        if (strokesOf(id).length) { entry.sketch = { type: "MultiLineString", coordinates: strokesOf(id) }; }
        return entry;
      })
    };
  }

  // -- free-hand sketches ("I would move this boundary"): strokes of the open space, drawn on Leaflet's map ------
  function sketchColour() { return { color: "#c51b7d", weight: 4, opacity: 1, lineCap: "round", lineJoin: "round", interactive: false }; }

  function sketchCasing() { return { color: "#ffffff", weight: 8, opacity: 0.9, lineCap: "round", lineJoin: "round", interactive: false }; }

  function drawSketches() {
    if (!sketch.layer) { return; }
    sketch.layer.clearLayers();
    strokesOf(state.selected).forEach(function (stroke) {
      var points = stroke.map(function (p) { return [p[1], p[0]]; });
      L.polyline(points, sketchCasing()).addTo(sketch.layer);  // a white edge: the line shows on every class colour
      L.polyline(points, sketchColour()).addTo(sketch.layer);
    });
    var count = strokesOf(state.selected).length;
    document.getElementById("sketch-count").textContent = count === 1 ? t("sketch_count_one") : count ? fill(t("sketch_count"), { count: count }) : "";
    document.getElementById("sketch-undo").disabled = !count;
  }

  function rounded(latlng) {  // 6 decimals: 0.1 m, more than a hand draws
    return [Math.round(latlng.lng * 1e6) / 1e6, Math.round(latlng.lat * 1e6) / 1e6];
  }

  function beginStroke(latlng) {
    sketch.stroke = [rounded(latlng)];
    sketch.line = L.polyline([latlng], sketchColour()).addTo(sketch.layer);
  }

  function extendStroke(latlng) {
    var last = sketch.stroke[sketch.stroke.length - 1];
    var from = map.latLngToContainerPoint([last[1], last[0]]);
    if (from.distanceTo(map.latLngToContainerPoint(latlng)) < 3) { return; }  // no point per pixel of a shaking hand
    sketch.stroke.push(rounded(latlng));
    sketch.line.addLatLng(latlng);
  }

  function endStroke() {
    var stroke = sketch.stroke;
    sketch.stroke = null;
    if (sketch.line) { sketch.layer.removeLayer(sketch.line); sketch.line = null; }
    if (stroke && stroke.length >= 2 && state.selected !== null) {
      var first = map.latLngToContainerPoint([stroke[0][1], stroke[0][0]]);
      var last = map.latLngToContainerPoint([stroke[stroke.length - 1][1], stroke[stroke.length - 1][0]]);
      if (stroke.length >= 4 && first.distanceTo(last) < 15) { stroke.push(stroke[0]); }  // back at the start: an area
      comments.sketches = comments.sketches || {};
      comments.sketches[state.selected] = strokesOf(state.selected).concat([stroke]);
      storeComments(); countComments();
    }
    drawSketches();
    showSketchButtons();
  }

  function setSketching(on) {
    if (on && state.selected === null) { return; }
    if (!on && sketch.stroke) { endStroke(); }
    sketch.on = on;
    var box = map.getContainer();
    box.classList.toggle("sketching", on);
    if (on) { map.dragging.disable(); map.doubleClickZoom.disable(); } else { map.dragging.enable(); map.doubleClickZoom.enable(); }
    var button = document.getElementById("sketch-start");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = t(on ? "sketch_stop" : "sketch_start");
    document.getElementById("sketch-crosshair").hidden = !on;
    showSketchButtons();
  }

  function showSketchButtons() {
    document.getElementById("sketch-point").hidden = !sketch.on;
    document.getElementById("sketch-finish").hidden = !sketch.on;
    document.getElementById("sketch-finish").disabled = !sketch.stroke;
  }

  function pointAtCentre() {  // keyboard: move the map with the arrow keys, a point where the cross is
    if (!sketch.on) { return; }
    if (sketch.stroke) { sketch.stroke.push(rounded(map.getCenter())); sketch.line.addLatLng(map.getCenter()); }
    else { beginStroke(map.getCenter()); }
    showSketchButtons();
  }

  function setUpSketches() {
    sketch.layer = L.layerGroup().addTo(map);
    var box = map.getContainer();
    box.appendChild(element("div", null, "sketch-crosshair")).id = "sketch-crosshair";
    document.getElementById("sketch-crosshair").hidden = true;
    // pointer events cover mouse, pen and finger alike; Leaflet turns their position into a place on the map
    box.addEventListener("pointerdown", function (event) {
      if (!sketch.on || event.button !== 0 || event.target.closest(".leaflet-control")) { return; }
      event.preventDefault();
      if (box.setPointerCapture) { try { box.setPointerCapture(event.pointerId); } catch (error) { /* synthetic pointer */ } }
      if (sketch.stroke) { endStroke(); }  // a line begun with the keyboard ends where the hand begins another
      sketch.pointer = event.pointerId;
      beginStroke(map.mouseEventToLatLng(event));
    });
    box.addEventListener("pointermove", function (event) {
      if (sketch.on && sketch.stroke && event.pointerId === sketch.pointer) { extendStroke(map.mouseEventToLatLng(event)); }
    });
    ["pointerup", "pointercancel"].forEach(function (name) {
      box.addEventListener(name, function (event) {
        if (sketch.on && sketch.stroke && event.pointerId === sketch.pointer) { sketch.pointer = null; endStroke(); }
      });
    });
    box.addEventListener("keydown", function (event) {
      if (!sketch.on) { return; }
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); pointAtCentre(); }
      else if (event.key === "Escape") { event.preventDefault(); if (sketch.stroke) { endStroke(); } else { setSketching(false); } }
    });
    document.getElementById("sketch-start").addEventListener("click", function () {
      setSketching(!sketch.on);
      if (sketch.on) { box.focus(); }
    });
    document.getElementById("sketch-point").addEventListener("click", pointAtCentre);
    document.getElementById("sketch-finish").addEventListener("click", function () { endStroke(); });
    document.getElementById("sketch-undo").addEventListener("click", function () {
      var strokes = strokesOf(state.selected).slice(0, -1);
      comments.sketches = comments.sketches || {};
      if (strokes.length) { comments.sketches[state.selected] = strokes; } else { delete comments.sketches[state.selected]; }
      storeComments(); countComments(); drawSketches();
    });
  }

  function setUpComments() {
    if (!data.atlas.comments) { return; }
    readComments();
    setUpSketches();
    document.getElementById("comment-text").addEventListener("input", function (event) {
      comments.spaces = comments.spaces || {};
      comments.spaces[state.selected] = event.target.value;
      storeComments(); countComments();
    });
    document.getElementById("comment-author").addEventListener("input", function (event) {
      comments.author = event.target.value; storeComments();
    });
    document.getElementById("comment-download").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(commentFile(), null, 1)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "comments.json";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    });
  }

  // -- state ----------------------------------------------------------------------------------------
  function select(id, fromUser) {
    var previous = state.selected;
    state.selected = id === null ? null : String(id);
    if (sketch.on) { setSketching(false); }
    if (previous && layersById[previous]) { spacesLayer.resetStyle(layersById[previous]); }
    if (state.selected && layersById[state.selected]) {
      spacesLayer.resetStyle(layersById[state.selected]);
      layersById[state.selected].bringToFront();
    }
    if (state.selected === null && sketch.layer) { sketch.layer.clearLayers(); }
    drawProfile();
    drawTable();
    writeHash();
    if (fromUser && state.selected && window.matchMedia("(max-width: 760px)").matches) {
      document.getElementById("profile").scrollIntoView({ behavior: "auto", block: "start" });
    }
  }

  function setLanguage(language) {
    state.language = data.atlas.languages.indexOf(language) >= 0 ? language : data.atlas.languages[0];
    document.documentElement.lang = state.language;
    var heading = data.atlas.title ? data.atlas.title + " \u2013 " + t("atlas_title") : t("atlas_title");
    document.title = heading;
    document.getElementById("title").textContent = heading;
    Array.prototype.forEach.call(document.querySelectorAll("[data-text]"), function (node) {
      node.textContent = t(node.getAttribute("data-text"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("button.language"), function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-language") === state.language ? "true" : "false");
    });
    document.getElementById("map").setAttribute("aria-label", t("map_label"));
    document.getElementById("search").placeholder = t("search_placeholder");
    fillIndicators();
    zoomControl();
    layerControl();
    recolour();
    drawProfile();
    drawTable();
    writeHash();
  }

  function fillIndicators() {
    var select_ = document.getElementById("indicator");
    select_.textContent = "";
    var group = null, parent = select_;
    data.atlas.indicators.forEach(function (entry) {
      var name = entry.group[state.language];
      if (name && name !== group) {
        group = name;
        parent = document.createElement("optgroup");
        parent.label = name;
        select_.appendChild(parent);
      } else if (!name) { parent = select_; }
      var option = element("option", entry.label[state.language]);
      option.value = entry.id;
      parent.appendChild(option);
    });
    select_.value = state.indicator;
  }

  function setIndicator(id) {
    if (!indicator(id)) { return; }
    state.indicator = id;
    document.getElementById("indicator").value = id;
    recolour();
    drawTable();
    writeHash();
  }

  function writeHash() {
    var parts = ["lang=" + state.language, "indicator=" + encodeURIComponent(state.indicator)];
    if (state.selected) { parts.push("space=" + encodeURIComponent(state.selected)); }
    if (window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", "#" + parts.join("&")); } catch (error) { /* some file:// settings */ }
    }
  }

  function readHash() {
    var values = {};
    window.location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var pair = part.split("=");
      if (pair.length === 2) { values[pair[0]] = decodeURIComponent(pair[1]); }
    });
    return values;
  }

  function printProfile() {
    document.body.classList.add("print-profile");
    window.print();
  }

  function start() {
    if (!data.atlas || !data.spaces) {
      document.body.appendChild(element("p", "Die Daten des Atlas fehlen (data/). The atlas's data are missing (data/).", "error"));
      return;
    }
    data.atlas.spaces.forEach(function (space, i) { indexById[String(space.id)] = i; });
    var hash = readHash();
    state.language = hash.lang || data.atlas.language || "de";
    state.indicator = indicator(hash.indicator) ? hash.indicator : data.atlas.indicators[0].id;
    buildMap();
    document.getElementById("indicator").addEventListener("change", function (event) { setIndicator(event.target.value); });
    Array.prototype.forEach.call(document.querySelectorAll("button.language"), function (button) {
      button.addEventListener("click", function () { setLanguage(button.getAttribute("data-language")); });
    });
    document.getElementById("search").addEventListener("input", function (event) { state.query = event.target.value; drawTable(); });
    document.querySelector("#spaces-table tbody").addEventListener("keydown", tableKeys);
    document.getElementById("print").addEventListener("click", printProfile);
    document.getElementById("close").addEventListener("click", function () { select(null); });
    window.addEventListener("afterprint", function () { document.body.classList.remove("print-profile"); });
    setUpComments();
    setLanguage(state.language);
    if (hash.space && indexById[hash.space] !== undefined) { select(hash.space); }
    document.body.setAttribute("data-ready", "true");
  }

  return {
    load: load, start: start, select: select, setIndicator: setIndicator, setLanguage: setLanguage,
    state: state, map: function () { return map; }, layer: function (id) { return layersById[String(id)]; },
    commentFile: commentFile, printMap: function () { return printMap; }
  };
})();
