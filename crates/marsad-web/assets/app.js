// marsad's web UI: pages drawn from the JSON API (/api), routed by the URL's hash.
//
// Safety: every piece of data (article text, names, evidence) goes into the page through
// text nodes (`textContent`, `createTextNode`) or attribute values, never through markup, and
// the server's Content-Security-Policy allows no inline script.
//
// Offsets in records are Unicode code points; JavaScript strings count UTF-16 units. Text is
// cut with `Array.from(text)` (an array of code points) and joined back, never with
// `text.slice` on record offsets.
"use strict";

(function () {
  const I18N = window.MARSAD_I18N;
  let lang = localStorage.getItem("marsad-lang") === "en" ? "en" : "ar";
  const t = (key) => (I18N[lang] && I18N[lang][key]) || (I18N.en[key]) || key;
  const main = document.getElementById("main");
  const tip = document.getElementById("tip");
  let stats = null;
  let renderToken = 0;

  // ---- DOM helpers -------------------------------------------------------------------
  // el("a", {href: "#/x", class: "c"}, "text", child): strings become text nodes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "on") {
        for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      } else if (k === "text") {
        node.textContent = String(v);
      } else {
        node.setAttribute(k, v === true ? "" : String(v));
      }
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else if (k === "text") node.textContent = String(v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  // Arabic text of articles: right to left whatever the UI's direction.
  const arText = (tag, attrs, ...children) => el(tag, Object.assign({ dir: "rtl", lang: "ar" }, attrs), ...children);
  const cps = (s) => Array.from(s || "");
  const q = (obj) => {
    const parts = [];
    for (const [k, v] of Object.entries(obj)) {
      if (v !== null && v !== undefined && v !== "" && v !== false) parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
    }
    return parts.length ? "?" + parts.join("&") : "";
  };
  const articleHref = (id, find) => "#/article/" + encodeURIComponent(id) + (find ? q({ find: find }) : "");
  const entityHref = (id) => "#/entity/" + encodeURIComponent(id);

  async function api(path) {
    const r = await fetch("/api" + path, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      const msg = body && body.error ? body.error.message : r.status + " " + r.statusText;
      const err = new Error(msg);
      err.status = r.status;
      throw err;
    }
    return body;
  }

  function errorBox(e) {
    return el("div", { class: "error", role: "alert" }, t("error") + ": ", e.message || String(e));
  }

  // ---- chrome ------------------------------------------------------------------------
  const NAV = [
    ["#/", "nav_articles"], ["#/timeline", "nav_timeline"], ["#/claims", "nav_claims"],
    ["#/entities", "nav_entities"], ["#/search", "nav_search"], ["#/map", "nav_map"],
  ];
  function chrome() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    document.title = t("brand");
    document.getElementById("brand").textContent = t("brand");
    document.getElementById("skip").textContent = t("skip");
    const btn = document.getElementById("lang");
    btn.textContent = t("other_lang");
    btn.setAttribute("lang", lang === "ar" ? "en" : "ar");
    const nav = document.getElementById("nav");
    nav.textContent = "";
    const here = location.hash.split("?")[0] || "#/";
    for (const [href, key] of NAV) {
      const current = href === here || (href !== "#/" && here.startsWith(href));
      nav.appendChild(el("a", { href: href, "aria-current": current ? "page" : null }, t(key)));
    }
  }
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "ar" ? "en" : "ar";
    localStorage.setItem("marsad-lang", lang);
    route();
  });

  // ---- tooltip (hover or keyboard focus on a highlight) --------------------------------
  function showTip(target, content) {
    tip.textContent = "";
    append(tip, [content]);
    tip.hidden = false;
    const r = target.getBoundingClientRect();
    const w = Math.min(480, window.innerWidth - 16);
    tip.style.maxWidth = w + "px";
    let left = r.left + window.scrollX;
    if (left + w > window.scrollX + window.innerWidth - 8) left = window.scrollX + window.innerWidth - 8 - w;
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = r.bottom + window.scrollY + 6 + "px";
  }
  function hideTip() { tip.hidden = true; }
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hideTip(); });
  window.addEventListener("scroll", hideTip, { passive: true });

  // ---- forms -------------------------------------------------------------------------
  // A filter form whose values go to the URL's hash (so that a page can be linked).
  function filterForm(route, fields, values) {
    const form = el("form", { class: "filters", role: "search" });
    for (const f of fields) {
      const id = "f-" + f.name;
      let input;
      if (f.options) {
        input = el("select", { id: id, name: f.name },
          el("option", { value: "" }, t("any")),
          f.options.map((o) => el("option", { value: o.value, selected: values[f.name] === o.value ? true : null }, o.label)));
      } else {
        input = el("input", {
          id: id, name: f.name, type: f.type || "text", value: values[f.name] || "",
          placeholder: f.placeholder || "", dir: f.dir || "auto", size: f.size || null,
          pattern: f.pattern || null,
        });
      }
      form.appendChild(el("label", { for: id }, el("span", {}, t(f.label || f.name)), input));
    }
    form.appendChild(el("button", { type: "submit" }, t("apply")));
    form.appendChild(el("a", { href: route, class: "button-link" }, t("clear")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const data = {};
      for (const f of fields) data[f.name] = form.elements[f.name].value.trim();
      location.hash = route + q(data);
    });
    return form;
  }
  const DATE = { type: "text", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", placeholder: "YYYY-MM-DD", dir: "ltr", size: 10 };
  function categoryOptions() {
    return ((stats && stats.categories) || []).map((c) => ({ value: c.value, label: c.value + " (" + c.count + ")" }));
  }
  function outletOptions() {
    return ((stats && stats.outlets) || []).map((c) => ({ value: c.value, label: c.value + " (" + c.count + ")" }));
  }
  const KINDS = ["killed", "wounded", "missing", "captured", "displaced", "casualties"];

  // ---- pages -------------------------------------------------------------------------
  async function pageArticles(params) {
    const filters = filterForm("#/", [
      Object.assign({ name: "from" }, DATE), Object.assign({ name: "to" }, DATE),
      { name: "outlet", options: outletOptions() }, { name: "category", options: categoryOptions() },
      { name: "kind", options: KINDS.map((k) => ({ value: k, label: t(k) })) }, { name: "entity" },
    ], params);
    const offset = Number(params.offset || 0);
    const page = await api("/articles" + q({ from: params.from, to: params.to, outlet: params.outlet, category: params.category, kind: params.kind, entity: params.entity, offset: offset, limit: 50 }));
    const rows = page.items.map((a) => el("tr", {},
      el("td", { class: "nowrap", dir: "ltr" }, a.published || "—"),
      el("td", {}, a.outlet || "—"),
      el("td", {}, el("a", { href: articleHref(a.id), dir: "auto" }, a.title || a.doc_id)),
      el("td", { class: "num" }, a.entities), el("td", { class: "num" }, a.events), el("td", { class: "num" }, a.claims)));
    return [
      el("h1", {}, t("articles")),
      statsLine(),
      filters,
      el("p", { class: "count", id: "article-count" }, page.total + " " + t("n_articles")),
      el("table", { class: "list", id: "articles" },
        el("thead", {}, el("tr", {}, el("th", {}, t("published")), el("th", {}, t("outlet")), el("th", {}, t("title")),
          el("th", {}, t("entities_n")), el("th", {}, t("events")), el("th", {}, t("claims_n")))),
        el("tbody", {}, rows)),
      pager("#/", params, page),
    ];
  }

  function statsLine() {
    if (!stats) return null;
    return el("p", { class: "muted stats" }, t("stats") + ": ",
      [["articles", "n_articles"], ["entities", "n_entities"], ["events", "n_events"], ["claims", "n_claims"]]
        .map(([k, l]) => stats[k] + " " + t(l)).join(" · "), " · ",
      el("a", { href: "/api/openapi.json" }, t("api")), " · ", t("export") + ": ",
      ["jsonl", "acled-csv", "plover-json", "geojson"].map((f, i) => [i ? ", " : "", el("a", { href: "/api/export/" + f, dir: "ltr" }, f)]));
  }

  function pager(route, params, page) {
    const nav = el("nav", { class: "pager", "aria-label": t("page") });
    const at = Number(page.offset || 0);
    if (at > 0) nav.appendChild(el("a", { href: route + q(Object.assign({}, params, { offset: Math.max(0, at - page.limit) })) }, "‹ " + (at - page.limit + 1 > 0 ? at - page.limit + 1 : 1)));
    nav.appendChild(el("span", {}, " " + (page.total ? at + 1 : 0) + "–" + Math.min(page.total, at + page.limit) + " " + t("of") + " " + page.total + " "));
    if (at + page.limit < page.total) nav.appendChild(el("a", { href: route + q(Object.assign({}, params, { offset: at + page.limit })) }, t("more") + " ›"));
    return nav;
  }

  // Article view: the text with its annotations highlighted in place.
  async function pageArticle(id, params) {
    const a = await api("/articles/" + encodeURIComponent(id));
    const r = a.record;
    const text = cps(r.text);
    const entById = {};
    for (const e of r.entities || []) entById[e.id] = e;
    const name = (ref) => (ref && entById[ref] ? (lang === "ar" ? entById[ref].name_ar : entById[ref].name) : ref);
    // the annotations: [start, end) in code points, with what to show on hover
    const anns = [];
    for (const e of r.entities || []) {
      for (const m of e.mentions || []) {
        const record = { id: e.id, type: e.type, name: e.name, name_ar: e.name_ar, kb: e.kb, subtype: e.subtype, mention: m, mentions: (e.mentions || []).length };
        anns.push({ start: m.start, end: m.end, cls: "ent ent-" + e.type, kind: "ent", label: e.name + " · " + e.name_ar + " · " + e.type + (e.kb ? " · " + e.kb : ""), rule: m.rule, record: record, link: a.entity_ids[e.id] });
      }
    }
    for (const tm of r.times || []) anns.push({ start: tm.start, end: tm.end, cls: "time", kind: "time", label: tm.type + " " + tm.value + " (" + tm.anchor + ")", rule: tm.rule, record: tm });
    for (const ev of r.events || []) {
      if (ev.trigger) anns.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "ev", kind: "ev", label: ev.id + " " + ev.type + "/" + ev.mode + (ev.negated ? " (" + t("negated") + ")" : ""), rule: ev.rule, record: ev });
    }
    for (const c of r.casualties || []) {
      const span = figureSpan(text, c);
      anns.push({ start: span[0], end: span[1], cls: "cas", kind: "cas", label: figureText(c) + " " + t(c.kind) + " (" + t(c.population) + ")" + (c.side ? " · " + t("side") + ": " + (c.side === "both" ? t("both_sides") : name(c.side)) : ""), rule: c.rule, record: c });
    }
    let find = params.find ? params.find : null;

    const body = arText("div", { class: "article-text", id: "article-text" });
    const content = [];
    if (r.title && r.title.start !== null && r.title.start !== undefined) content.push({ start: r.title.start, end: r.title.end, kind: "title" });
    for (const p of r.paragraphs || []) content.push(p);
    content.sort((x, y) => x.start - y.start);
    if (!content.length && text.length) content.push({ start: 0, end: text.length, kind: "body" });
    for (const p of content) {
      const tag = p.kind === "title" ? "h2" : p.kind === "heading" ? "h3" : "p";
      const node = el(tag, { class: "para para-" + p.kind, "data-kind": p.kind });
      highlight(node, text, p.start, p.end, anns);
      body.appendChild(node);
    }
    if (r.title && (r.title.start === null || r.title.start === undefined)) body.insertBefore(el("h2", { class: "para para-title" }, r.title.text), body.firstChild);
    let found = null;
    if (find) found = markFind(body, find);

    const debris = (r.debris || []).map((d) => el("li", {},
      el("span", { class: "tag" }, d.reason), d.rule ? el("span", { class: "muted" }, " " + t("rule") + ": " + d.rule) : null,
      arText("blockquote", { class: "debris-text" }, text.slice(d.start, d.end).join(""))));

    const toggles = el("div", { class: "legend", role: "group", "aria-label": t("legend") },
      ["ent", "time", "ev", "cas"].map((k) => {
        const box = el("input", { type: "checkbox", checked: true, id: "show-" + k });
        box.addEventListener("change", () => body.classList.toggle("hide-" + k, !box.checked));
        return el("label", { class: "chip chip-" + k, for: "show-" + k }, box, " " + t(k) + " (" + anns.filter((x) => x.kind === k).length + ")");
      }));

    const evList = (r.events || []).map((ev) => el("li", {},
      el("span", { class: "tag cat-" + ev.type }, ev.type), " ", el("bdi", {}, ev.mode), ev.date ? [" · ", el("bdi", { class: "muted", dir: "ltr" }, ev.date)] : null,
      ev.negated ? el("span", { class: "tag neg" }, t("negated")) : null,
      ev.actors.length ? [" · ", t("actors") + ": ", ev.actors.map(name).join("، ")] : null,
      ev.targets.length ? [" → ", ev.targets.map(name).join("، ")] : null,
      ev.locations.length ? [" · ", t("at") + " ", ev.locations.map(name).join("، ")] : null));
    const casList = (r.casualties || []).map((c) => el("li", {},
      el("strong", { class: "fig" }, figureText(c)), " ", t(c.kind), " (", t(c.population), ")",
      c.side ? [" · ", t("side") + ": ", c.side === "both" ? t("both_sides") : name(c.side)] : null,
      c.claimant ? [" · ", t("claimant") + ": ", name(c.claimant)] : null,
      c.date ? [" · ", el("bdi", { class: "muted", dir: "ltr" }, c.date)] : null));
    const entList = (r.entities || []).map((e) => el("li", {},
      a.entity_ids[e.id] !== undefined ? el("a", { href: entityHref(a.entity_ids[e.id]) }, lang === "ar" ? e.name_ar : e.name) : (lang === "ar" ? e.name_ar : e.name),
      " ", el("span", { class: "muted" }, t(e.type) + " · " + e.mentions.length)));

    const view = [
      el("p", { class: "crumbs" }, el("a", { href: "#/" }, t("articles")), " › ", el("span", { dir: "ltr" }, a.doc_id)),
      el("div", { class: "meta" },
        el("span", {}, t("outlet") + ": ", r.outlet || "—"), " · ",
        el("span", {}, t("published") + ": ", el("span", { dir: "ltr" }, r.published || "—")), " · ",
        el("span", { class: "muted", dir: "ltr" }, a.key)),
      toggles,
      el("div", { class: "article-grid" },
        el("article", {}, body,
          debris.length ? el("section", { class: "debris", id: "debris" }, el("h3", {}, t("debris") + " (" + debris.length + ")"), el("ul", {}, debris)) : null),
        el("aside", { class: "side" },
          el("h3", {}, t("entities") + " (" + entList.length + ")"), el("ul", { class: "compact", id: "entity-list" }, entList),
          el("h3", {}, t("events") + " (" + evList.length + ")"), el("ul", { class: "compact" }, evList),
          el("h3", {}, t("claims_n") + " (" + casList.length + ")"), el("ul", { class: "compact" }, casList))),
    ];
    if (found) setTimeout(() => found.scrollIntoView({ block: "center" }), 0);
    return view;
  }

  // The figure inside a casualty claim's evidence (its digits), else the whole evidence.
  function figureSpan(text, c) {
    const s = c.evidence.start, e = c.evidence.end;
    if (c.count !== null && c.count !== undefined) {
      const ev = text.slice(s, e);
      const western = String(c.count);
      const eastern = western.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));
      for (const form of [western, eastern]) {
        const f = cps(form);
        for (let i = 0; i + f.length <= ev.length; i++) {
          let ok = true;
          for (let j = 0; j < f.length; j++) if (ev[i + j] !== f[j]) { ok = false; break; }
          const before = i > 0 ? ev[i - 1] : "";
          const after = ev[i + f.length] || "";
          if (ok && !/[0-9\u0660-\u0669]/.test(before) && !/[0-9\u0660-\u0669]/.test(after)) return [s + i, s + i + f.length];
        }
      }
    }
    return [s, e];
  }
  function figureText(c) {
    const n = c.count === null || c.count === undefined ? "?" : String(c.count);
    const qual = { exact: "", about: "~", at_least: "≥", more_than: ">", at_most: "≤", unspecified: "" }[c.qualifier] || "";
    return qual + n;
  }

  // Fills `node` with text[start, end), each stretch covered by annotations in a <mark>.
  function highlight(node, text, start, end, anns) {
    const inside = anns.filter((a) => a.end > start && a.start < end && a.end > a.start);
    const cuts = new Set([start, end]);
    for (const a of inside) { cuts.add(Math.max(start, a.start)); cuts.add(Math.min(end, a.end)); }
    const points = Array.from(cuts).sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b).join("");
      const over = inside.filter((x) => x.start <= a && x.end >= b);
      if (!over.length) { node.appendChild(document.createTextNode(piece)); continue; }
      const cls = Array.from(new Set(over.flatMap((x) => x.cls.split(" ")))).join(" ");
      const mark = el("mark", { class: cls, tabindex: 0, "data-start": a, "data-end": b }, piece);
      const show = () => showTip(mark, over.map((x) => el("div", { class: "tip-item" },
        el("div", { class: "tip-head" }, el("span", { class: "chip chip-" + x.kind }, t(x.kind)), " ", el("bdi", {}, x.label)),
        x.rule ? el("div", { class: "tip-rule" }, t("rule") + ": ", el("code", {}, x.rule)) : null,
        el("pre", { class: "tip-record", dir: "ltr" }, JSON.stringify(x.record, null, 1)))));
      mark.addEventListener("mouseenter", show);
      mark.addEventListener("focus", show);
      mark.addEventListener("mouseleave", hideTip);
      mark.addEventListener("blur", hideTip);
      const link = over.find((x) => x.link !== undefined && x.link !== null);
      if (link) mark.addEventListener("keydown", (e) => { if (e.key === "Enter") location.hash = entityHref(link.link); });
      node.appendChild(mark);
    }
  }

  // Marks the first occurrence of `needle` in the article's text nodes (evidence links).
  function markFind(root, needle) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.classList.contains("para")) continue;
      const full = n.textContent;
      const at = full.indexOf(needle);
      if (at < 0) continue;
      n.classList.add("found");
      n.setAttribute("tabindex", "-1");
      const evidence = el("div", { class: "found-note" }, t("evidence") + ": «", needle, "»");
      n.parentNode.insertBefore(evidence, n);
      return n;
    }
    return null;
  }

  function partyName(p) {
    if (!p) return "";
    if (lang === "ar" && p.name_ar) return p.name_ar;
    return p.name;
  }
  function partyLink(p) {
    if (!p) return null;
    return p.id !== null && p.id !== undefined ? el("a", { href: entityHref(p.id) }, partyName(p)) : el("span", {}, partyName(p));
  }
  function joinNodes(list) {
    const out = [];
    list.forEach((x, i) => { if (i) out.push("، "); out.push(x); });
    return out;
  }
  function eventItem(ev) {
    return el("li", { class: "event" + (ev.negated ? " negated" : ""), "data-event": ev.id },
      el("div", { class: "event-head" },
        el("span", { class: "tag cat-" + ev.type }, ev.type), " ", el("bdi", { class: "mode" }, ev.mode),
        ev.negated ? el("span", { class: "tag neg" }, t("negated")) : null,
        ev.modality && ev.modality !== "asserted" ? el("span", { class: "tag" }, ev.modality) : null,
        " · ", el("bdi", { class: "muted", dir: "ltr" }, ev.date || ev.published || ""),
        ev.actors.length ? [" · ", joinNodes(ev.actors.map(partyLink))] : null,
        ev.targets.length ? [" → ", joinNodes(ev.targets.map(partyLink))] : null,
        ev.locations.length ? [" · " + t("at") + " ", joinNodes(ev.locations.map(partyLink))] : null,
        ev.claimant ? [" · " + t("claimant") + ": ", partyLink(ev.claimant)] : null),
      arText("blockquote", { class: "evidence" }, ev.evidence),
      el("div", { class: "muted small" }, el("a", { href: articleHref(ev.article, ev.evidence) }, ev.title || ev.doc_id), ev.outlet ? " · " + ev.outlet : "", ev.rule ? " · " + t("rule") + ": " + ev.rule : ""));
  }

  async function pageTimeline(params) {
    const filters = filterForm("#/timeline", [
      Object.assign({ name: "from" }, DATE), Object.assign({ name: "to" }, DATE),
      { name: "category", options: categoryOptions() }, { name: "entity", placeholder: "Armenia / أرمينيا" },
      { name: "place" }, { name: "order", options: [{ value: "asc", label: t("oldest") }, { value: "desc", label: t("newest") }] },
    ], params);
    const offset = Number(params.offset || 0);
    const page = await api("/events" + q({ from: params.from, to: params.to, category: params.category, entity: params.entity, place: params.place, order: params.order, offset: offset, limit: 200 }));
    // grouped by day (a period or a time: its first ten characters)
    const groups = new Map();
    for (const ev of page.items) {
      const d = (ev.date || ev.published || "?").slice(0, 10);
      if (!groups.has(d)) groups.set(d, []);
      groups.get(d).push(ev);
    }
    const sections = [];
    for (const [d, evs] of groups) {
      sections.push(el("section", { class: "day" }, el("h3", { dir: "ltr", class: "day-head" }, d, el("span", { class: "muted" }, " (" + evs.length + ")")), el("ul", { class: "events" }, evs.map(eventItem))));
    }
    return [
      el("h1", {}, t("timeline")),
      filters,
      el("p", { class: "count", id: "event-count", "data-total": page.total }, page.total + " " + t("n_events")),
      histogram(page.items),
      el("div", { id: "timeline" }, sections.length ? sections : el("p", {}, t("no_results"))),
      pager("#/timeline", params, page),
    ];
  }

  // Events per month of the page, as bars (SVG).
  function histogram(events) {
    const counts = new Map();
    for (const ev of events) {
      const m = (ev.date || ev.published || "").slice(0, 7);
      if (!/^\d{4}-\d{2}$/.test(m)) continue;
      counts.set(m, (counts.get(m) || 0) + 1);
    }
    if (!counts.size) return null;
    const months = Array.from(counts.keys()).sort();
    const W = 640, H = 90, bw = Math.max(4, Math.min(40, (W - 20) / months.length - 4));
    const max = Math.max(...counts.values());
    const g = svg("svg", { viewBox: "0 0 " + W + " " + (H + 24), class: "histogram", role: "img", "aria-label": "events per month", direction: "ltr" });
    months.forEach((m, i) => {
      const h = (counts.get(m) / max) * H, x = 10 + i * (bw + 4);
      g.appendChild(svg("rect", { x: x, y: H - h + 4, width: bw, height: h, class: "bar" }, svg("title", {}, m + ": " + counts.get(m))));
      if (months.length <= 16 || i % Math.ceil(months.length / 16) === 0) g.appendChild(svg("text", { x: x + bw / 2, y: H + 18, "text-anchor": "middle", class: "axis" }, m));
    });
    return g;
  }

  // The claim ledger: a chart of figures over time per side, then the tables.
  const COLORS = ["#b91c1c", "#1d4ed8", "#047857", "#a16207", "#7c3aed", "#be185d", "#0e7490", "#4d7c0f", "#c2410c", "#334155"];
  async function pageClaims(params) {
    const filters = filterForm("#/claims", [
      { name: "entity", placeholder: "Armenia / أرمينيا" }, Object.assign({ name: "from" }, DATE), Object.assign({ name: "to" }, DATE),
      { name: "kind", options: KINDS.map((k) => ({ value: k, label: t(k) })) },
    ], params);
    const ledger = await api("/claims" + q({ entity: params.entity, from: params.from, to: params.to, kind: params.kind }));
    return [el("h1", {}, t("claims")), filters, ledgerView(ledger)];
  }

  function groupTitle(g) {
    const party = g.entries.length ? g.entries[0].side : null;
    const side = g.side === "both sides" ? t("both_sides") : (lang === "ar" && party && party.name === g.side && party.name_ar ? party.name_ar : g.side);
    return side + " — " + t(g.kind) + " (" + t(g.population) + ")";
  }

  function ledgerView(ledger) {
    const n = ledger.groups.reduce((s, g) => s + g.entries.length, 0);
    if (!n) return el("p", {}, t("no_results"));
    const tables = ledger.groups.map((g, gi) => el("section", { class: "ledger-group" },
      el("h3", {}, el("span", { class: "swatch c" + (gi % COLORS.length) }), groupTitle(g)),
      el("table", { class: "list ledger" },
        el("thead", {}, el("tr", {}, ["#", t("reported"), t("about"), t("figure"), t("claimant"), t("source"), t("note"), t("evidence")].map((h) => el("th", {}, h)))),
        el("tbody", {}, g.entries.map((e, i) => el("tr", { class: e.note.kind === "contradicts" ? "contradiction" : null },
          el("td", {}, "#" + (i + 1)), el("td", { dir: "ltr", class: "nowrap" }, e.reported), el("td", { dir: "ltr", class: "nowrap" }, e.date),
          el("td", { class: "num fig", dir: "ltr" }, e.figure + (e.cumulative ? " (" + t("cumulative") + ")" : "")),
          el("td", {}, e.claimant ? partyName(e.claimant) : "—"),
          el("td", {}, (e.outlet || "") + (e.reported_by.length ? " / " + e.reported_by.join("، ") : ""), " ", el("span", { class: "muted", dir: "ltr" }, "[" + e.doc_id + "]")),
          el("td", {}, noteText(e.note)),
          el("td", {}, e.article !== null ? arText("a", { href: articleHref(e.article, e.evidence) }, "«" + e.evidence + "»") : arText("span", {}, "«" + e.evidence + "»"))))))));
    return [
      el("p", { class: "count", id: "claim-count" }, n + " " + t("n_claims") + " · " + ledger.contradictions.length + " " + t("contradictions")),
      ledgerChart(ledger),
      el("p", { class: "muted small" }, t("chart_note")),
      tables,
    ];
  }
  function noteText(note) {
    if (note.kind === "update") return t("update") + " +" + note.delta;
    if (note.kind === "contradicts") return "⚠ " + t("contradicts") + " #" + (note.entry + 1);
    return t(note.kind);
  }
  const dayNumber = (d) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d || "");
    if (!m) return null;
    return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / 86400000;
  };
  // One panel per side, kind and population (their scales differ by orders of magnitude:
  // a war's toll next to one day's dead), each with its own axes: figures over the dates
  // they were reported.
  function ledgerChart(ledger) {
    const panels = ledger.groups.map((g, gi) => ledgerPanel(g, gi)).filter(Boolean);
    if (!panels.length) return null;
    return el("div", { class: "chart-grid", id: "ledger-chart" }, panels);
  }
  function ledgerPanel(g, gi) {
    const W = 460, H = 230, L = 52, R = 20, T = 22, B = 36;
    const pts = [];
    g.entries.forEach((e, i) => {
      const x = dayNumber(e.reported);
      if (x !== null && e.count !== null) pts.push({ i: i, x: x, y: e.count, e: e });
    });
    if (!pts.length) return null;
    let x0 = Math.min(...pts.map((p) => p.x)), x1 = Math.max(...pts.map((p) => p.x));
    if (x1 - x0 < 4) { x0 -= 2; x1 += 2; }
    const pad = (x1 - x0) * 0.08; x0 -= pad; x1 += pad;
    const ymax = niceMax(Math.max(...pts.map((p) => p.y)));
    const X = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
    const Y = (y) => T + (1 - y / ymax) * (H - T - B);
    const color = COLORS[gi % COLORS.length];
    const root = svg("svg", { viewBox: "0 0 " + W + " " + H, class: "chart", role: "img", "aria-label": groupTitle(g), direction: "ltr" });
    for (let k = 0; k <= 4; k++) {
      const v = (ymax * k) / 4;
      root.appendChild(svg("line", { x1: L, x2: W - R, y1: Y(v), y2: Y(v), class: "grid" }));
      root.appendChild(svg("text", { x: L - 6, y: Y(v) + 4, "text-anchor": "end", class: "axis" }, String(Math.round(v))));
    }
    for (const tick of dateTicks(x0, x1)) {
      root.appendChild(svg("line", { x1: X(tick.x), x2: X(tick.x), y1: T, y2: H - B, class: "grid" }));
      root.appendChild(svg("text", { x: X(tick.x), y: H - B + 16, "text-anchor": "middle", class: "axis" }, tick.label));
    }
    root.appendChild(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis-line" }));
    const sorted = pts.slice().sort((a, b) => a.x - b.x || a.i - b.i);
    if (sorted.length > 1) root.appendChild(svg("polyline", { points: sorted.map((p) => X(p.x) + "," + Y(p.y)).join(" "), class: "series", stroke: color }));
    // labels go where they overlap no other label nor point: above, below, then to the sides
    const placed = sorted.map((p) => ({ x0: X(p.x) - 7, x1: X(p.x) + 7, y0: Y(p.y) - 7, y1: Y(p.y) + 7 }));
    const clear = (b) => b.x0 >= 0 && b.x1 <= W && b.y0 >= 0 && b.y1 <= H - B + 2 &&
      placed.every((o) => b.x1 <= o.x0 || b.x0 >= o.x1 || b.y1 <= o.y0 || b.y0 >= o.y1);
    const spot = (cx, cy, text) => {
      const w = text.length * 7.5 + 4, h = 14;
      const tries = [[0, -12], [0, 22], [w / 2 + 10, 5], [-w / 2 - 10, 5], [w / 2 + 10, -12], [-w / 2 - 10, -12], [w / 2 + 10, 22], [-w / 2 - 10, 22], [0, -26], [0, 36]];
      for (const [dx, dy] of tries) {
        const b = { x0: cx + dx - w / 2, x1: cx + dx + w / 2, y0: cy + dy - h + 2, y1: cy + dy + 2 };
        if (clear(b)) { placed.push(b); return [cx + dx, cy + dy]; }
      }
      return [cx, cy - 12];
    };
    sorted.forEach((p) => {
      const bad = p.e.note.kind === "contradicts";
      const label = groupTitle(g) + ": " + p.e.figure + " · " + t("reported") + " " + p.e.reported + " · " + t("about") + " " + p.e.date + " · " + noteText(p.e.note) + " · «" + p.e.evidence + "»";
      const cx = X(p.x), cy = Y(p.y);
      const text = shortFigure(p.e) + (bad ? " ⚠" : "");
      const [lx, ly] = spot(cx, cy, text);
      root.appendChild(svg("a", { href: p.e.article !== null ? articleHref(p.e.article, p.e.evidence) : "#/claims", class: "point" + (bad ? " bad" : ""), "data-figure": p.e.count, "aria-label": label },
        svg("title", {}, label),
        bad ? svg("circle", { cx: cx, cy: cy, r: 11, class: "ring" }) : null,
        svg("circle", { cx: cx, cy: cy, r: 6, fill: color }),
        svg("text", { x: lx, y: ly, "text-anchor": "middle", class: "point-label" }, text)));
    });
    return el("figure", { class: "chart-box" }, el("figcaption", {}, el("span", { class: "swatch c" + (gi % COLORS.length) }), groupTitle(g), el("span", { class: "muted" }, " · " + g.entries.length + " " + t("n_claims"))), root);
  }
  function shortFigure(e) {
    const qual = { exact: "", about: "~", at_least: "≥", more_than: ">", at_most: "≤" }[e.qualifier] || "";
    return qual + (e.count === null ? "?" : e.count);
  }
  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v * 1.08) return m * p;
    return 10 * p;
  }
  function dateTicks(x0, x1) {
    const out = [];
    const d0 = new Date(x0 * 86400000), span = x1 - x0;
    if (span <= 45) {
      const step = Math.max(1, Math.round(span / 8));
      for (let x = Math.ceil(x0); x <= x1; x += step) out.push({ x: x, label: new Date(x * 86400000).toISOString().slice(5, 10) });
    } else {
      const monthsStep = Math.max(1, Math.round(span / 30 / 8));
      let y = d0.getUTCFullYear(), m = d0.getUTCMonth() + 1;
      for (;;) {
        if (m > 11) { y += Math.floor(m / 12); m %= 12; }
        const x = Date.UTC(y, m, 1) / 86400000;
        if (x > x1) break;
        out.push({ x: x, label: new Date(x * 86400000).toISOString().slice(0, 7) });
        m += monthsStep;
      }
    }
    return out;
  }

  async function pageEntities(params) {
    const filters = filterForm("#/entities", [
      { name: "q", label: "query" },
      { name: "type", options: ["PERSON", "ORG", "GPE", "LOC"].map((k) => ({ value: k, label: t(k) })) },
    ], params);
    const page = await api("/entities" + q({ q: params.q, type: params.type, offset: params.offset, limit: 100 }));
    return [
      el("h1", {}, t("entities")), filters,
      el("p", { class: "count" }, page.total + " " + t("n_entities")),
      el("table", { class: "list", id: "entities" },
        el("thead", {}, el("tr", {}, el("th", {}, "name"), el("th", {}, "الاسم"), el("th", {}, t("type")), el("th", {}, t("kb")), el("th", {}, t("n_articles")))),
        el("tbody", {}, page.items.map((e) => el("tr", {},
          el("td", { dir: "ltr" }, el("a", { href: entityHref(e.id) }, e.name)),
          el("td", { dir: "rtl", lang: "ar" }, el("a", { href: entityHref(e.id) }, e.name_ar || "")),
          el("td", {}, t(e.type)), el("td", { dir: "ltr", class: "muted" }, e.kb || ""), el("td", { class: "num" }, e.articles))))),
      pager("#/entities", params, page),
    ];
  }

  async function pageEntity(id, params) {
    const d = await api("/entities/" + encodeURIComponent(id) + q({ offset: params.offset }));
    const e = d.entity;
    const mentions = d.mentions.items.map((m) => {
      const ctx = cps(m.context);
      const quote = arText("blockquote", { class: "evidence" });
      const anns = m.spans.map((s) => ({ start: s[0] - m.context_start, end: s[1] - m.context_start, cls: "ent ent-" + e.type, kind: "ent", label: e.name, rule: s[2], record: { start: s[0], end: s[1], rule: s[2] } }));
      highlight(quote, ctx, 0, ctx.length, anns);
      return el("li", {}, el("a", { href: articleHref(m.article, null) }, m.title || m.doc_id), " ",
        el("span", { class: "muted" }, (m.outlet || "") + " · ", el("span", { dir: "ltr" }, m.published || ""), " · " + m.spans.length + "×"), quote);
    });
    return [
      el("p", { class: "crumbs" }, el("a", { href: "#/entities" }, t("entities")), " › ", partyName(e)),
      el("h1", {}, el("bdi", { lang: "ar", dir: "rtl" }, e.name_ar || ""), " · ", el("bdi", { lang: "en", dir: "ltr" }, e.name)),
      el("dl", { class: "facts" },
        el("dt", {}, t("type")), el("dd", {}, t(e.type) + (e.subtype ? " · " + e.subtype : "")),
        e.kb ? [el("dt", {}, t("kb")), el("dd", {}, el("bdi", { dir: "ltr" }, e.kb))] : null,
        e.country ? [el("dt", {}, t("country")), el("dd", {}, el("bdi", { dir: "ltr" }, e.country))] : null,
        e.lat !== null && e.lat !== undefined ? [el("dt", {}, t("coordinates")), el("dd", {}, el("bdi", { dir: "ltr" }, e.lat.toFixed(3) + ", " + e.lon.toFixed(3)))] : null,
        el("dt", {}, t("n_articles")), el("dd", {}, String(e.articles))),
      el("p", {}, el("a", { href: "#/timeline" + q({ entity: e.id }) }, t("timeline")), " · ", el("a", { href: "#/claims" + q({ entity: e.kb || e.name }) }, t("claims")), " · ",
        el("a", { href: "#/" + q({ entity: e.id }) }, t("articles"))),
      el("h2", {}, t("mentioned_in") + " (" + d.mentions.total + ")"), el("ul", { class: "mentions" }, mentions),
      pager(entityHref(id), params, d.mentions),
      el("h2", {}, t("events") + " (" + d.events.total + ")"), el("ul", { class: "events" }, d.events.items.map(eventItem)),
      el("h2", {}, t("claims")), ledgerView(d.claims),
    ];
  }

  async function pageSearch(params) {
    const filters = filterForm("#/search", [
      { name: "q", label: "query", size: 30 },
      Object.assign({ name: "from" }, DATE), Object.assign({ name: "to" }, DATE),
      { name: "outlet", options: outletOptions() }, { name: "entity" },
      { name: "category", options: categoryOptions() },
      { name: "kind", options: KINDS.map((k) => ({ value: k, label: t(k) })) },
    ], params);
    const out = [el("h1", {}, t("search")), filters];
    if (!params.q) {
      setTimeout(() => { const i = document.getElementById("f-q"); if (i) i.focus(); }, 0);
      out.push(el("p", { class: "muted" }, "قصف · \"وزارة الدفاع\" · أرمينيا OR أذربيجان · -روسيا"));
      return out;
    }
    const res = await api("/search" + q({ q: params.q, from: params.from, to: params.to, outlet: params.outlet, entity: params.entity, category: params.category, kind: params.kind, limit: 50 }));
    out.push(el("p", { class: "count" }, res.hits.length + " " + t("n_hits")));
    out.push(el("ol", { class: "hits", id: "hits" }, res.hits.map((h) => {
      const s = h.snippet, text = cps(s.text);
      const quote = arText("blockquote", { class: "snippet" });
      const anns = s.highlights.map((x) => ({ start: x[0] - s.start, end: x[1] - s.start, cls: "hit", kind: "hit", label: "", record: { start: x[0], end: x[1] } }));
      // search highlights are plain <mark>s: no tooltip needed
      let at = 0;
      for (const a of anns.sort((x, y) => x.start - y.start)) {
        if (a.start < at || a.end > text.length) continue;
        quote.appendChild(document.createTextNode(text.slice(at, a.start).join("")));
        quote.appendChild(el("mark", { class: "hit" }, text.slice(a.start, a.end).join("")));
        at = a.end;
      }
      quote.appendChild(document.createTextNode(text.slice(at).join("")));
      return el("li", {}, el("a", { href: articleHref(h.id, null), dir: "auto" }, h.title || h.doc_id), " ",
        el("span", { class: "muted" }, (h.outlet || "") + " · ", el("span", { dir: "ltr" }, h.published || "")), quote);
    })));
    return out;
  }

  // Map: located events on an equirectangular world outline (embedded, offline).
  async function pageMap(params) {
    const page = await api("/events" + q({ located: true, category: params.category, from: params.from, to: params.to, limit: 500 }));
    const filters = filterForm("#/map", [Object.assign({ name: "from" }, DATE), Object.assign({ name: "to" }, DATE), { name: "category", options: categoryOptions() }], params);
    // one marker per place, with its events
    const places = new Map();
    for (const ev of page.items) {
      for (const p of ev.locations) {
        if (p.lat === null || p.lat === undefined) continue;
        const key = String(p.id);
        if (!places.has(key)) places.set(key, { p: p, events: [] });
        places.get(key).events.push(ev);
      }
    }
    const list = el("div", { class: "map-list", id: "map-list" }, el("p", { class: "muted" }, t("events_here") + ": —"));
    const W = 360, H = 180;
    const pts = Array.from(places.values());
    let view = [0, 0, W, H];
    if (pts.length && params.world !== "1") {
      const xs = pts.map((x) => x.p.lon + 180), ys = pts.map((x) => 90 - x.p.lat);
      let minx = Math.min(...xs), maxx = Math.max(...xs), miny = Math.min(...ys), maxy = Math.max(...ys);
      const w = Math.max(12, (maxx - minx) * 1.6), h = Math.max(6, (maxy - miny) * 1.6, w / 2);
      const cx = (minx + maxx) / 2, cy = (miny + maxy) / 2;
      const ww = Math.max(w, h * 2);
      view = [cx - ww / 2, cy - ww / 4, ww, ww / 2];
    }
    const scale = view[2] / W;
    const root = svg("svg", { viewBox: view.join(" "), class: "map", id: "map", role: "img", "aria-label": t("map"), direction: "ltr" });
    root.appendChild(svg("rect", { x: -10, y: -10, width: W + 20, height: H + 20, class: "sea" }));
    for (let lon = -180; lon <= 180; lon += 15) root.appendChild(svg("line", { x1: lon + 180, x2: lon + 180, y1: 0, y2: H, class: "graticule", "stroke-width": 0.3 * scale }));
    for (let lat = -90; lat <= 90; lat += 15) root.appendChild(svg("line", { x1: 0, x2: W, y1: 90 - lat, y2: 90 - lat, class: "graticule", "stroke-width": 0.3 * scale }));
    if (window.MARSAD_WORLD) root.appendChild(svg("path", { d: window.MARSAD_WORLD, class: "land", "stroke-width": 0.4 * scale }));
    const max = Math.max(1, ...pts.map((x) => x.events.length));
    pts.sort((a, b) => b.events.length - a.events.length);
    for (const place of pts) {
      const r = (1.2 + 3 * Math.sqrt(place.events.length / max)) * scale;
      const x = place.p.lon + 180, y = 90 - place.p.lat;
      const label = partyName(place.p) + " (" + place.events.length + ")";
      const show = () => {
        list.textContent = "";
        append(list, [el("h3", {}, partyName(place.p), " · ", el("a", { href: entityHref(place.p.id) }, t("entity")), " · ", el("a", { href: "#/timeline" + q({ place: place.p.id }) }, t("timeline"))),
          el("ul", { class: "events" }, place.events.map(eventItem))]);
      };
      root.appendChild(svg("a", { href: "#/map" + q(params), class: "marker", tabindex: 0, "aria-label": label, on: { click: (e) => { e.preventDefault(); show(); }, keydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); show(); } } } },
        svg("title", {}, label),
        svg("circle", { cx: x, cy: y, r: r, class: "dot", "stroke-width": 0.3 * scale }),
        svg("text", { x: x + r + 0.8 * scale, y: y + 1.2 * scale, class: "map-label", "font-size": 4.2 * scale }, partyName(place.p))));
    }
    return [
      el("h1", {}, t("map")), filters,
      el("p", { class: "count", id: "map-count" }, page.total + " " + t("n_events") + " · " + pts.length + " " + t("n_places")),
      el("p", {}, params.world === "1" ? el("a", { href: "#/map" + q(Object.assign({}, params, { world: null })) }, t("fit")) : el("a", { href: "#/map" + q(Object.assign({}, params, { world: "1" })) }, t("world"))),
      el("div", { class: "map-grid" }, root, list),
      el("p", { class: "muted small" }, t("map_note")),
    ];
  }

  // ---- router ------------------------------------------------------------------------
  function parseHash() {
    const h = location.hash.replace(/^#/, "") || "/";
    const [path, query] = h.split("?");
    const params = {};
    for (const [k, v] of new URLSearchParams(query || "")) params[k] = v;
    return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: params };
  }

  async function route() {
    const token = ++renderToken;
    hideTip();
    chrome();
    const { parts, params } = parseHash();
    main.setAttribute("aria-busy", "true");
    try {
      if (!stats) stats = await api("/stats");
      let view;
      switch (parts[0] || "") {
        case "": view = await pageArticles(params); break;
        case "article": view = await pageArticle(parts[1], params); break;
        case "timeline": view = await pageTimeline(params); break;
        case "claims": view = await pageClaims(params); break;
        case "entities": view = await pageEntities(params); break;
        case "entity": view = await pageEntity(parts[1], params); break;
        case "search": view = await pageSearch(params); break;
        case "map": view = await pageMap(params); break;
        default: view = [el("h1", {}, t("not_found"))];
      }
      if (token !== renderToken) return;
      main.textContent = "";
      append(main, [view]);
    } catch (e) {
      if (token !== renderToken) return;
      main.textContent = "";
      main.appendChild(errorBox(e));
    } finally {
      if (token === renderToken) {
        main.setAttribute("aria-busy", "false");
        main.setAttribute("data-page", parts[0] || "articles");
      }
    }
  }
  window.addEventListener("hashchange", () => { route(); window.scrollTo(0, 0); });
  route();
})();
