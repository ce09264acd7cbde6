/* careglot glossary cards: one concept as a result card, drawn with createElement and textContent.
 * Every piece of glossary text goes in as text or an attribute, never as HTML. The first list in
 * index.html is drawn at build time with the same markup (render/site/assets/card.html); a browser
 * test compares the two. */
"use strict";

(function (root) {
  const FRAGMENT = "#concept-";

  /* The drawing functions for the page's data and search; getDetails() gives the definitions once loaded. */
  root.careglotCards = function (data, search, getDetails) {
    const conceptCount = search.conceptCount;

    function el(tag, attrs, ...children) {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs || {})) {
        if (value !== null && value !== undefined && value !== false) {
          node.setAttribute(name, value === true ? "" : String(value));
        }
      }
      for (const child of children) {
        if (child !== null && child !== undefined) {
          node.append(child); // strings become text nodes
        }
      }
      return node;
    }

    function languageLabel(lang) {
      const name = data.language_names[lang] || lang;
      return name === lang ? lang : name + " (" + lang + ")";
    }

    function termEnd(cid) {
      return cid + 1 < conceptCount ? search.first[cid + 1] : data.term_count + 1;
    }

    /* One concept as nested data, from the columns. */
    function conceptView(cid) {
      const details = getDetails();
      const view = {id: search.conceptValue("id", cid), domain: data.domains[search.conceptValue("domain", cid)] || null,
        terms: {},
        definition: (details && details.definition[cid]) || {}, notes: (details && details.notes[cid]) || {},
        sources: (details && details.sources[cid]) || []};
      for (let tid = search.first[cid]; tid < termEnd(cid); tid++) {
        const lang = data.languages[search.code("lang", tid)];
        const [gender, pos, note, source] = (details && details.term_info[tid - 1]) || [];
        (view.terms[lang] = view.terms[lang] || []).push({tid, term: search.termValue("text", tid),
          type: data.types[search.code("type", tid)], status: data.statuses[search.code("status", tid)],
          region: data.regions[search.code("region", tid) - 1] || null, gender, pos, note, source});
      }
      return view;
    }

    function headword(concept) {
      for (const lang of ["en", ...data.languages]) {
        const terms = concept.terms[lang] || [];
        const term = terms.find((t) => t.status === "preferred" && t.type !== "abbreviation") || terms[0];
        if (term) {
          const abbreviation = terms.find((t) => t.status === "preferred" && t.type === "abbreviation");
          return {lang, text: term.term + (abbreviation && abbreviation !== term ? " (" + abbreviation.term + ")" : "")};
        }
      }
      return {lang: null, text: concept.id};
    }

    function termItem(term, lang, matched) {
      const tag = term.status === "deprecated" || term.status === "forbidden" ? "s" : "span";
      const details = [term.type.replace("-", " ")];
      if (term.region) {
        details.push("region " + term.region);
      }
      if (term.pos) {
        details.push(term.pos);
      }
      if (term.gender) {
        details.push("gender " + term.gender);
      }
      return el("li", {class: matched ? "matched" : null},
        el(tag, {class: "term", lang: term.region ? lang + "-" + term.region : lang}, term.term),
        el("span", {class: "badge " + term.status}, term.status),
        matched ? el("span", {class: "badge match"}, "matches") : null,
        el("span", {class: "meta"}, " " + details.join(" · ")),
        term.note ? el("span", {class: "term-note", lang}, term.note) : null,
        term.source ? el("span", {class: "term-note"}, "Source: " + term.source) : null);
    }

    function languageColumn(concept, lang, matched) {
      // No accessible name: a named <section> is a region landmark, and one per language per card
      // would repeat the same landmark ("Dutch (nl)") on every card (axe-core: landmark-unique).
      const column = el("section", {class: "lang"},
        el("h3", {}, el("span", {lang}, data.language_names[lang] || lang), " (" + lang + ")"));
      const terms = concept.terms[lang] || [];
      column.append(terms.length
        ? el("ul", {class: "terms"}, ...terms.map((term) => termItem(term, lang, matched.has(term.tid))))
        : el("p", {class: "meta"}, "no term yet"));
      if (concept.definition[lang]) {
        column.append(el("p", {class: "definition", lang}, concept.definition[lang]));
      }
      if (concept.notes[lang]) {
        column.append(el("p", {class: "note"}, el("span", {class: "label"}, "Note: "),
          el("span", {lang}, concept.notes[lang])));
      }
      return column;
    }

    function conceptCard(hit) {
      const concept = conceptView(hit.cid);
      const head = headword(concept);
      const langs = [...data.languages, ...Object.keys(concept.terms).filter((l) => !data.languages.includes(l))];
      const card = el("article", {class: "concept", id: "concept-" + concept.id, "aria-labelledby": "h-" + concept.id},
        el("h2", {id: "h-" + concept.id, tabindex: "-1"},
          el("a", {href: FRAGMENT + concept.id, lang: head.lang}, head.text),
          concept.domain ? el("span", {class: "domain"}, "domain: " + concept.domain) : null),
        el("div", {class: "langs"}, ...langs.map((lang) => languageColumn(concept, lang, hit.matched))));
      if (concept.sources.length) {
        card.append(el("h3", {}, "Sources"), el("ul", {class: "sources"}, ...concept.sources.map((s) => el("li", {}, s))));
      }
      return el("li", {}, card);
    }

    return {el, languageLabel, termEnd, conceptView, headword, conceptCard};
  };
})(window);
