/* careglot glossary page: search as you type, filters, one card per concept, #concept-<id> links.
 * Every piece of glossary text goes in through textContent or an attribute, never as HTML. */
"use strict";

(function () {
  const PAGE = 10;
  const FRAGMENT = "#concept-";
  // The core data (rules, terms per concept) is a JSON block in the page, which also holds the first list.
  const data = window.CAREGLOT_GLOSSARY = JSON.parse(document.getElementById("careglot-core").textContent);
  performance.mark("careglot-data-parsed");
  const search = new window.CareglotSearch.GlossarySearch(data);
  const conceptCount = search.conceptCount;
  let byId = null; // concept id -> cid, once every term block is there
  const $ = (id) => document.getElementById(id);
  const input = $("q");
  const results = $("results");
  const status = $("status");
  const filters = {lang: $("f-lang"), status: $("f-status"), domain: $("f-domain"), region: $("f-region")};
  let shown = PAGE;
  let incomplete = false;
  let details = null; // definitions, notes, sources, term notes: loaded once the page is ready
  const requested = new Set(); // parts asked for (terms-N, index-N)
  const waitingFor = new Set(); // parts the last render lacked
  const queue = []; // parts to load in the background
  let loading = 0;
  let ready = false; // background loading started
  let readyMarked = false;
  let partsDone = false;
  let rerenderWhenLoaded = false;
  let focusFragment = false;

  const {el, termEnd, conceptView, headword, conceptCard} = window.careglotCards(data, search, () => details);

  /* The filter predicates handed to the search and used when browsing. */
  function currentFilters() {
    const lang = filters.lang.value;
    const wanted = filters.status.value;
    const domain = filters.domain.value;
    const region = filters.region.value;
    const status = data.statuses.indexOf(wanted);
    const regionIndex = data.regions.indexOf(region);
    const domainIndex = data.domains.indexOf(domain);
    const langIndex = data.languages.indexOf(lang);
    return {
      langs: lang ? [lang] : null,
      allowTerm: wanted || region ? (tid) => (!wanted || search.code("status", tid) === status) &&
        (!region || search.code("region", tid) === regionIndex + 1) : null,
      allowConcept: domain ? (cid) => search.conceptValue("domain", cid) === domainIndex : null,
      allowLang: lang ? (tid) => search.code("lang", tid) === langIndex : null,
    };
  }

  /* Concepts with a term passing the filters; without filters no term block is needed. */
  function browse(opts) {
    const found = [];
    for (let cid = 0; cid < conceptCount; cid++) {
      if (opts.allowConcept && !opts.allowConcept(cid)) {
        continue;
      }
      for (let tid = search.first[cid]; tid < termEnd(cid); tid++) {
        if ((!opts.allowLang || opts.allowLang(tid)) && (!opts.allowTerm || opts.allowTerm(tid))) {
          found.push({cid, matched: new Set()});
          break;
        }
      }
    }
    return found;
  }

  function fragmentConcept() {
    const hash = decodeURIComponent(window.location.hash);
    return hash.startsWith(FRAGMENT) ? hash.slice(FRAGMENT.length) : null;
  }

  /* Draws the cards, or, when a shard they need is missing, loads it and renders again then. */
  function showHits(hits, total, message) {
    hits.forEach((hit) => search.blockOf(hit.cid));
    if (waitForParts()) {
      return;
    }
    const fragment = document.createDocumentFragment();
    fragment.append(...hits.map(conceptCard));
    results.replaceChildren(fragment);
    status.textContent = message;
    $("more-wrap").hidden = total <= hits.length;
    document.dispatchEvent(new Event("careglot-rendered"));
    markReady();
  }

  /* Search usable and the first list drawn; "painted" once the next frame is out. */
  function markReady() {
    if (!readyMarked) {
      readyMarked = true;
      performance.mark("careglot-ready");
      requestAnimationFrame(() => setTimeout(() => performance.mark("careglot-painted"), 0));
      setTimeout(loadTheRest, 250); // an editor's first query goes first
    }
  }

  function conceptById(wanted) {
    if (!byId && search.blocks.every(Boolean)) {
      byId = new Map();
      for (let cid = 0; cid < conceptCount; cid++) {
        byId.set(search.conceptValue("id", cid), cid);
      }
    }
    if (!byId) {
      search.blocks.forEach((_, number) => search.blockOf(number * data.block_concepts));
    }
    return byId ? byId.get(wanted) : undefined;
  }

  function render() {
    search.missing.clear();
    const wanted = fragmentConcept();
    const cid = wanted === null ? undefined : conceptById(wanted);
    if (waitForParts()) {
      return;
    }
    $("back").hidden = cid === undefined;
    incomplete = false;
    if (cid !== undefined) {
      showHits([{cid, matched: new Set()}], 1, "Concept " + wanted + ": " + headword(conceptView(cid)).text);
      return;
    }
    const query = input.value;
    const opts = currentFilters();
    const prefix = wanted === null ? "" : "No concept with the id “" + wanted + "”. ";
    if (!query.trim()) {
      const all = browse(opts);
      if (waitForParts()) {
        return;
      }
      showHits(all.slice(0, shown), all.length, prefix + all.length + (all.length === 1 ? " concept" : " concepts") +
        (all.length > shown ? ", the first " + shown + " shown" : ""));
      return;
    }
    const found = search.lookup(query, {...opts, limit: shown});
    if (waitForParts()) {
      return;
    }
    const hits = found.hits;
    incomplete = found.incomplete;
    let message = hits.length === 1 ? "1 concept" : hits.length + " concepts";
    if (!hits.length) {
      message = "No concept matches “" + query.trim() + "”";
    } else if (hits.every((hit) => hit.corrected)) {
      message += " with a similar spelling (nothing matches “" + query.trim() + "” as written)";
    } else {
      message += " for “" + query.trim() + "”";
    }
    showHits(hits, hits.length < shown ? hits.length : hits.length + 1, prefix + message);
  }

  function leaveConcept() {
    if (fragmentConcept() !== null) {
      history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  function resultLinks() {
    return Array.from(results.querySelectorAll("h2 a"));
  }

  function onKey(event) {
    const target = event.target;
    const links = resultLinks();
    const position = links.indexOf(target);
    if (event.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      input.focus();
    } else if (target === input && event.key === "ArrowDown" && links.length) {
      links[0].focus();
    } else if (target === input && event.key === "Escape") {
      input.value = "";
      leaveConcept();
      render();
    } else if (position >= 0 && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      const next = position + (event.key === "ArrowDown" ? 1 : -1);
      (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
    } else if (position >= 0 && (event.key === "Home" || event.key === "End")) {
      links[event.key === "Home" ? 0 : links.length - 1].focus();
    } else if (position >= 0 && event.key === "Escape") {
      input.focus();
    } else {
      return;
    }
    event.preventDefault();
  }

  function onHashChange() {
    render();
    focusFragment = rerenderWhenLoaded;
    const wanted = fragmentConcept();
    const heading = wanted === null ? null : document.getElementById("h-" + wanted);
    (heading || input).focus();
  }

  input.addEventListener("input", () => {
    shown = PAGE;
    leaveConcept();
    render();
  });
  for (const select of Object.values(filters)) {
    select.addEventListener("change", () => {
      shown = PAGE;
      leaveConcept();
      render();
    });
  }
  $("search").addEventListener("submit", (event) => event.preventDefault());
  $("more").addEventListener("click", () => {
    shown += PAGE;
    render();
    const links = resultLinks();
    if (links[shown - PAGE]) {
      links[shown - PAGE].focus();
    }
  });
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", onHashChange);
  // index.html comes with the first list (empty field, no filter) drawn; anything else is drawn now.
  if (fragmentConcept() !== null || input.value || Object.values(filters).some((select) => select.value)) {
    render();
  } else {
    document.dispatchEvent(new Event("careglot-rendered"));
    markReady();
  }
  // The browser's own scroll to the fragment, after load, would take the focus away again.
  window.addEventListener("load", () => setTimeout(() => {
    const heading = fragmentConcept() === null ? null : document.getElementById("h-" + fragmentConcept());
    if (heading && document.activeElement === document.body) {
      heading.focus();
    }
  }, 0));
  window.careglot = {search, render};
  // Loads each part once, as a script (file:// pages may not fetch); what a render waits for first.
  function request(name, urgent) {
    if (requested.has(name) && !(urgent && queue.includes(name))) {
      return;
    }
    requested.add(name);
    if (urgent) {
      queue.splice(queue.indexOf(name) >>> 0, 1);
      loadScript(name);
    } else {
      queue.push(name);
      pump();
    }
  }

  function pump() {
    while (loading < 2 && queue.length && !waitingFor.size) { // a waiting answer goes first
      loadScript(queue.shift());
    }
    if (!loading && !queue.length && ready && !partsDone) {
      partsDone = true;
      performance.mark("careglot-all-parts");
      loadPart("glossary-details.js", "CAREGLOT_DETAILS", (part) => {
        details = part;
        return true;
      });
      loadPart("glossary-typo.js", "CAREGLOT_TYPO", (part) => {
        search.typoIndex = part;
        return incomplete;
      });
    }
  }

  function loadScript(name) {
    loading++;
    const script = el("script", {src: "glossary-" + name + ".js"});
    const done = () => {
      loading--;
      waitingFor.delete(name);
      if (waitingFor.size === 0 && rerenderWhenLoaded) {
        rerenderWhenLoaded = false;
        rerender();
      }
      pump();
    };
    script.addEventListener("load", done);
    script.addEventListener("error", done);
    document.body.append(script);
  }

  function waitForParts() {
    if (!search.missing.size) {
      return false;
    }
    for (const name of search.missing) {
      waitingFor.add(name);
      request(name, true);
    }
    rerenderWhenLoaded = true;
    return true;
  }

  /* Renders again, keeping the focus on the same result (or on the concept of the fragment). */
  function rerender() {
    const active = document.activeElement;
    const inResults = results.contains(active);
    const [focusedId, focusedHref] = inResults ? [active.id, active.getAttribute("href")] : [null, null];
    render();
    const wanted = fragmentConcept();
    const again = focusedId ? document.getElementById(focusedId)
      : focusedHref ? results.querySelector("h2 a[href='" + CSS.escape(focusedHref) + "']")
        : focusFragment && wanted !== null && document.getElementById("h-" + wanted);
    if (again) {
      again.focus();
    }
  }

  // What searching does not need comes once the page is usable; then the results are redrawn.
  function loadPart(src, name, use) {
    const script = el("script", {src});
    script.addEventListener("load", () => {
      if (use(window[name])) {
        rerender();
      }
      performance.mark("careglot-" + src);
    });
    document.body.append(script);
  }

  /* Once the first list is drawn: every other part in the background, typo index last. */
  function loadTheRest() {
    ready = true;
    search.partNames().forEach((name) => request(name, false));
    pump();
  }

  window.careglotPart = (kind, number, part) => search.addPart(kind, number, part);
})();
