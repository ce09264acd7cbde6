/* careglot glossary search: glossary/lookup.py in the browser.
 *
 * The normalisation rules come with the data (glossary/normalize.py RULES); this file
 * only interprets them, step by step as the Python does, so the page and
 * `careglot lookup` rank the same concepts. Terms arrive with their index words ("w")
 * and stems ("s") computed in Python. */
"use strict";

(function (root) {
  const SURROGATE = /[\uD800-\uDFFF]/;
  const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*'?/gu;

  /* Python's len() counts code points, not UTF-16 units. */
  function cpLen(text) {
    return SURROGATE.test(text) ? Array.from(text).length : text.length;
  }

  function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function Normalizer(rules) {
    const quoted = rules.apostrophes.replace(/[\\\]\[^-]/g, "\\$&");
    this.rules = rules;
    this.apostrophes = new RegExp("[" + quoted + "]", "g");
  }

  Normalizer.prototype.fold = function (text) {
    const map = this.rules.char_map;
    let out = "";
    for (const ch of text.replace(this.apostrophes, "'").toLowerCase()) {
      out += Object.prototype.hasOwnProperty.call(map, ch) ? map[ch] : ch;
    }
    return out.normalize("NFKD").replace(/\p{M}/gu, "");
  };

  Normalizer.prototype.words = function (text) {
    const rules = this.rules;
    const result = [];
    for (const raw of this.fold(text).match(WORD) || []) {
      let word = raw.replace(/'+$/, "");
      if (word.includes("'")) {
        const cut = word.indexOf("'");
        if (rules.elisions.includes(word.slice(0, cut))) {
          word = word.slice(cut + 1);
        }
        const last = word.lastIndexOf("'");
        if (last >= 0 && rules.possessives.includes(word.slice(last + 1))) {
          word = word.slice(0, last);
        }
        word = word.split("'").join("");
      }
      if (word) {
        result.push(word);
      }
    }
    return result;
  };

  Normalizer.prototype.stem = function (word, lang) {
    const rules = this.rules;
    if (/^\p{Nd}+$/u.test(word)) {
      return word;
    }
    for (const [old, replacement] of rules.respell[lang] || []) {
      word = word.split(old).join(replacement);
    }
    for (const [suffix, replacement] of rules.suffixes[lang] || []) {
      if (word.endsWith(suffix)) {
        const candidate = word.slice(0, word.length - suffix.length) + replacement;
        if (cpLen(candidate) >= rules.min_stem) {
          word = candidate;
          break;
        }
      }
    }
    if (rules.undouble.includes(lang)) {
      const chars = Array.from(word);
      const end = chars[chars.length - 1];
      if (chars.length > rules.min_stem && end === chars[chars.length - 2] && !rules.vowels.includes(end) &&
          /\p{L}/u.test(end)) {
        word = chars.slice(0, -1).join("");
      }
    }
    return word;
  };

  Normalizer.prototype.isStopword = function (word, lang) {
    return (this.rules.stopwords[lang] || []).includes(word);
  };

  Normalizer.prototype.trigrams = function (word) {
    const padded = Array.from(" " + word + " ");
    const grams = new Set();
    for (let i = 0; i + 3 <= padded.length; i++) {
      grams.add(padded[i] + padded[i + 1] + padded[i + 2]);
    }
    return grams;
  };

  Normalizer.prototype.dice = function (a, b) {
    const ta = this.trigrams(a);
    const tb = this.trigrams(b);
    let shared = 0;
    for (const gram of ta) {
      if (tb.has(gram)) {
        shared++;
      }
    }
    return ta.size || tb.size ? 2 * shared / (ta.size + tb.size) : 0;
  };

  function splitWords(text) {
    return text ? text.split(" ") : [];
  }

  /* The in-memory index: the tables of glossary/lookup_index.py as Maps. */
  function GlossarySearch(data) {
    this.norm = new Normalizer(data.rules);
    this.rules = data.rules;
    this.concepts = data.concepts;
    this.terms = [null]; // tid -> term; tids start at 1 as in SQLite
    this.postings = new Map(); // stem -> [tid]
    this.wordStems = new Map(); // folded word -> [[lang, stem]]
    const langs = new Set();
    this.concepts.forEach((concept, cid) => {
      for (const [lang, terms] of Object.entries(concept.terms)) {
        langs.add(lang);
        for (const term of terms) {
          this.addTerm(cid, lang, term);
        }
      }
    });
    this.languages = Array.from(langs).sort(compareStrings);
    this.tokens = Array.from(this.postings.keys()).sort(compareStrings);
    this.trigramIndex = null; // built on the first query that needs typo tolerance
  }

  GlossarySearch.prototype.addTerm = function (cid, lang, term) {
    const tid = this.terms.length;
    const kept = splitWords(term.w);
    const stems = splitWords(term.s);
    const distinct = Array.from(new Set(stems));
    this.terms.push({cid, lang, text: term.term, status: term.status, region: term.region, ntok: distinct.length});
    for (const token of distinct) {
      const list = this.postings.get(token);
      if (list) {
        list.push(tid);
      } else {
        this.postings.set(token, [tid]);
      }
    }
    kept.forEach((word, i) => {
      const pairs = this.wordStems.get(word);
      if (!pairs) {
        this.wordStems.set(word, [[lang, stems[i]]]);
      } else if (!pairs.some(([known]) => known === lang)) {
        pairs.push([lang, stems[i]]);
      }
    });
  };

  GlossarySearch.prototype.buildTrigrams = function () {
    const index = new Map();
    for (const word of this.wordStems.keys()) {
      const entry = {word, length: cpLen(word)};
      for (const gram of this.norm.trigrams(word)) {
        const list = index.get(gram);
        if (list) {
          list.push(entry);
        } else {
          index.set(gram, [entry]);
        }
      }
    }
    this.trigramIndex = index;
  };

  /* Concepts matching `query`, best first: [{cid, id, score, corrected, matched: Set of tids}].
   * options: langs (like --lang), limit, allowTerm(term) and allowConcept(concept) for the filters. */
  GlossarySearch.prototype.lookup = function (query, options) {
    const opts = options || {};
    const searched = this.languages.filter((lang) => !opts.langs || opts.langs.includes(lang));
    const queryWords = this.queryWords(query, searched);
    if (!queryWords.length || !searched.length) {
      return [];
    }
    const state = {matches: new Map(), size: queryWords.length, opts};
    queryWords.forEach((word, index) => {
      const stems = new Map(searched.map((lang) => [lang, this.norm.stem(word, lang)]));
      const found = this.exact(state, stems, index);
      this.prefix(state, stems, index);
      this.compound(state, stems, index);
      if (!found) {
        this.typo(state, word, searched, index);
      }
    });
    return this.rank(state, query, opts.limit || 10);
  };

  GlossarySearch.prototype.queryWords = function (query, langs) {
    const found = this.norm.words(query);
    const kept = found.filter((word) => !langs.some((lang) => this.norm.isStopword(word, lang)));
    return Array.from(new Set(kept.length ? kept : found));
  };

  GlossarySearch.prototype.add = function (state, tid, index, weight, token, corrected) {
    const term = this.terms[tid];
    const opts = state.opts;
    if ((opts.allowTerm && !opts.allowTerm(term)) ||
        (opts.allowConcept && !opts.allowConcept(this.concepts[term.cid]))) {
      return;
    }
    let match = state.matches.get(tid);
    if (!match) {
      match = {weights: new Array(state.size).fill(0), tokens: new Set(), corrected: false};
      state.matches.set(tid, match);
    }
    if (weight > match.weights[index]) {
      match.weights[index] = weight;
      if (corrected) {
        match.corrected = true;
      }
    }
    match.tokens.add(token);
  };

  GlossarySearch.prototype.exact = function (state, stems, index) {
    let found = false;
    for (const token of new Set(stems.values())) {
      for (const tid of this.postings.get(token) || []) {
        if (stems.get(this.terms[tid].lang) === token) {
          this.add(state, tid, index, this.rules.weights.exact, token, false);
          found = true;
        }
      }
    }
    return found;
  };

  GlossarySearch.prototype.prefix = function (state, stems, index) {
    const weight = this.rules.weights.prefix;
    for (const start of new Set(stems.values())) {
      if (cpLen(start) < this.rules.prefix.min_length) {
        continue;
      }
      let low = 0;
      let high = this.tokens.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.tokens[mid] <= start) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      for (let i = low; i < this.tokens.length && this.tokens[i].startsWith(start); i++) {
        const token = this.tokens[i];
        for (const tid of this.postings.get(token)) {
          if (stems.get(this.terms[tid].lang) === start) {
            this.add(state, tid, index, weight * Math.max(0.5, cpLen(start) / cpLen(token)), token, false);
          }
        }
      }
    }
  };

  GlossarySearch.prototype.compound = function (state, stems, index) {
    const minimum = this.rules.compound.min_part;
    for (const lang of this.rules.compound.languages) {
      const whole = stems.get(lang);
      if (whole === undefined || cpLen(whole) < 2 * minimum) {
        continue;
      }
      const chars = Array.from(whole);
      const size = chars.length;
      const parts = new Map();
      for (let cut = minimum; cut <= size - minimum; cut++) {
        const modifier = chars.slice(0, cut).join("");
        const head = chars.slice(cut).join("");
        if (!parts.has(modifier)) {
          parts.set(modifier, ["modifier", cut / size]);
        }
        if (!parts.has(head)) {
          parts.set(head, ["head", (size - cut) / size]);
        }
      }
      for (const [token, [kind, share]] of parts) {
        for (const tid of this.postings.get(token) || []) {
          if (this.terms[tid].lang === lang) {
            this.add(state, tid, index, this.rules.weights[kind] * share, token, false);
          }
        }
      }
    }
  };

  GlossarySearch.prototype.typo = function (state, word, langs, index) {
    const rules = this.rules.typo;
    const length = cpLen(word);
    if (length < rules.min_length) {
      return;
    }
    if (!this.trigramIndex) {
      this.buildTrigrams();
    }
    const shared = new Map();
    for (const gram of this.norm.trigrams(word)) {
      for (const entry of this.trigramIndex.get(gram) || []) {
        if (Math.abs(entry.length - length) <= rules.max_length_difference) {
          shared.set(entry.word, (shared.get(entry.word) || 0) + 1);
        }
      }
    }
    const rows = Array.from(shared).sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).slice(0, 200);
    const close = rows.map(([candidate]) => [this.norm.dice(word, candidate), candidate])
      .sort((a, b) => b[0] - a[0] || compareStrings(a[1], b[1]))
      .filter(([similarity]) => similarity >= rules.min_similarity)
      .slice(0, rules.candidates);
    for (const [similarity, candidate] of close) {
      for (const [lang, token] of this.wordStems.get(candidate)) {
        if (!langs.includes(lang)) {
          continue;
        }
        for (const tid of this.postings.get(token) || []) {
          if (this.terms[tid].lang === lang) {
            this.add(state, tid, index, this.rules.weights.typo * similarity, token, true);
          }
        }
      }
    }
  };

  GlossarySearch.prototype.rank = function (state, query, limit) {
    const weights = this.rules.weights;
    const coverageWeight = weights.term_coverage;
    const best = new Map();
    const tids = Array.from(state.matches.keys()).sort((a, b) => a - b);
    for (const tid of tids) {
      const match = state.matches.get(tid);
      const term = this.terms[tid];
      const coverage = Math.min(1, match.tokens.size / Math.max(term.ntok, 1));
      const total = match.weights.reduce((sum, weight) => sum + weight, 0);
      let score = (total / state.size) * (1 - coverageWeight + coverageWeight * coverage);
      score += weights.status_bonus[term.status];
      if (term.text === query.trim()) {
        score += weights.same_case_bonus;
      }
      const previous = best.get(term.cid);
      if (!previous) {
        best.set(term.cid, {score, corrected: match.corrected, matched: new Set([tid])});
      } else {
        previous.matched.add(tid);
        if (score > previous.score) {
          previous.score = score;
          previous.corrected = match.corrected;
        }
      }
    }
    if (!best.size) {
      return [];
    }
    let top = -Infinity;
    for (const hit of best.values()) {
      top = Math.max(top, hit.score);
    }
    const floor = Math.max(weights.min_score, top * weights.min_relative_score);
    return Array.from(best).filter(([, hit]) => hit.score >= floor)
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([cid, hit]) => ({cid, id: this.concepts[cid].id, score: hit.score, corrected: hit.corrected,
        matched: hit.matched}));
  };

  root.CareglotSearch = {GlossarySearch, Normalizer};
})(window);
