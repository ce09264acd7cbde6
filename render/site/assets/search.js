/* careglot glossary search: glossary/lookup.py in the browser.
 *
 * Queries are normalised by normalize.js with the rules that come with the data; matching
 * and ranking follow glossary/lookup.py step by step, so the page and `careglot lookup`
 * rank the same concepts. The index (postings, words, stems, trigrams)
 * is the one glossary/lookup_index.py builds, exported as sorted columns. */
"use strict";

(function (root) {
  const {Normalizer, cpLen} = root.CareglotNormalize; // normalize.js, before this file

  function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /* Index of the first element of the sorted `list` that is greater than `key` (`orEqual`: not less). */
  function bisect(list, key, orEqual) {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid] < key || (!orEqual && list[mid] === key)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /* The index bucket of a token: a hash of its first `key` UTF-16 units (render/site/export.py bucket_of). */
  function bucketOf(token, buckets, key) {
    let value = 0;
    for (let i = 0; i < Math.min(key, token.length); i++) {
      value = (Math.imul(value, 31) + token.charCodeAt(i)) >>> 0;
    }
    return value % buckets;
  }

  /* The tables of glossary/lookup_index.py, exported as sorted columns: nothing to build at load.
   * They come in shards (render/site/export.py page_parts): term blocks and index buckets. A
   * search or a card that touches a shard not loaded yet records it in `missing`; the page
   * loads it and asks again. */
  function GlossarySearch(data, typo) {
    this.norm = new Normalizer(data.rules);
    this.rules = data.rules;
    this.data = data;
    this.languages = data.index_languages;
    this.typoIndex = typo || null; // words, stems and trigrams; without them no typo tolerance yet
    this.blocks = new Array(data.blocks).fill(null);
    this.buckets = new Array(data.buckets).fill(null);
    this.missing = new Set();
    this.conceptCount = data.concepts.sizes.length;
    this.table = null; // tid -> concept and concept -> first tid: built at first use, not while the page loads
  }

  GlossarySearch.prototype.buildTable = function () {
    const sizes = this.data.concepts.sizes;
    const cids = new Int32Array(this.data.term_count + 1);
    const first = new Int32Array(sizes.length);
    for (let cid = 0, tid = 1; cid < sizes.length; cid++) {
      first[cid] = tid;
      tid += sizes.charCodeAt(cid) - 48;
      cids.fill(cid, first[cid], tid);
    }
    this.table = {cids, first};
    return this.table;
  };

  Object.defineProperties(GlossarySearch.prototype, {
    cids: {get() { return (this.table || this.buildTable()).cids; }}, // tid -> concept
    first: {get() { return (this.table || this.buildTable()).first; }}, // concept -> its first tid
  });

  GlossarySearch.prototype.addPart = function (kind, number, part) {
    (kind === "terms" ? this.blocks : this.buckets)[number] = part;
  };

  GlossarySearch.prototype.partNames = function () {
    return [...this.blocks.map((_, n) => "terms-" + n), ...this.buckets.map((_, n) => "index-" + n)];
  };

  /* The term block holding concept `cid`, or null (then recorded as missing). */
  GlossarySearch.prototype.blockOf = function (cid) {
    const number = Math.floor(cid / this.data.block_concepts);
    const block = this.blocks[number];
    if (!block) {
      this.missing.add("terms-" + number);
    }
    return block;
  };

  GlossarySearch.prototype.bucket = function (token) {
    const number = bucketOf(token, this.buckets.length, this.data.bucket_key);
    const bucket = this.buckets[number];
    if (!bucket) {
      this.missing.add("index-" + number);
    }
    return bucket;
  };

  /* A term's column value (small integers: render/site/export.py codes(); "text": the term). */
  GlossarySearch.prototype.termValue = function (column, tid) {
    const cid = this.cids[tid];
    const block = this.blockOf(cid);
    if (!block) {
      return column === "text" ? "" : -1;
    }
    const at = tid - this.first[cid - cid % this.data.block_concepts];
    return column === "text" ? block.text[at] : block[column].charCodeAt(at) - 48;
  };

  GlossarySearch.prototype.code = function (column, tid) {
    return this.termValue(column, tid);
  };

  GlossarySearch.prototype.conceptValue = function (column, cid) {
    const block = this.blockOf(cid);
    return block ? block[column][cid % this.data.block_concepts] : null;
  };

  /* Postings of a token: [tid, language index] pairs, the language from the index itself. */
  GlossarySearch.prototype.postingsIn = function (bucket, at) {
    const tids = bucket.postings[at].split(",");
    const langs = bucket.langs[at];
    return tids.map((tid, i) => [Number(tid), this.data.languages[langs.charCodeAt(i) - 48]]);
  };

  GlossarySearch.prototype.postingsOf = function (token) {
    const bucket = this.bucket(token);
    if (!bucket) {
      return [];
    }
    const at = bisect(bucket.tokens, token, true);
    return bucket.tokens[at] === token ? this.postingsIn(bucket, at) : [];
  };

  GlossarySearch.prototype.lookup = function (query, options) {
    const opts = options || {};
    const searched = this.languages.filter((lang) => !opts.langs || opts.langs.includes(lang));
    const queryWords = this.queryWords(query, searched);
    if (!queryWords.length || !searched.length) {
      return {hits: [], incomplete: false};
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
    const opts = state.opts;
    if ((opts.allowTerm && !opts.allowTerm(tid)) ||
        (opts.allowConcept && !opts.allowConcept(this.cids[tid]))) {
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
      for (const [tid, lang] of this.postingsOf(token)) {
        if (stems.get(lang) === token) {
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
      const bucket = this.bucket(start); // at least bucket_key units: the bucket of every token it starts
      const tokens = bucket ? bucket.tokens : [];
      for (let i = bisect(tokens, start, false); i < tokens.length && tokens[i].startsWith(start); i++) {
        const token = tokens[i];
        for (const [tid, lang] of this.postingsIn(bucket, i)) {
          if (stems.get(lang) === start) {
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
        for (const [tid, termLang] of this.postingsOf(token)) {
          if (termLang === lang) {
            this.add(state, tid, index, this.rules.weights[kind] * share, token, false);
          }
        }
      }
    }
  };

  /* Words sharing trigrams with `word` (at most 200, most shared first, ties by word id as SQLite
   * returns them), the closest by Dice similarity, and the terms indexed under their stems. */
  GlossarySearch.prototype.typo = function (state, word, langs, index) {
    const rules = this.rules.typo;
    const length = cpLen(word);
    if (length < rules.min_length) {
      return;
    }
    if (!this.typoIndex) {
      state.incomplete = true;
      return;
    }
    const typo = this.typoIndex;
    const counts = this.counts || (this.counts = new Uint16Array(typo.words.length + 1));
    const touched = [];
    let most = 0;
    for (const gram of this.norm.trigrams(word)) {
      const at = bisect(typo.grams, gram, true);
      if (typo.grams[at] !== gram) {
        continue;
      }
      for (const wid of typo.gram_words[at]) {
        if (Math.abs(typo.lengths[wid - 1] - length) <= rules.max_length_difference) {
          if (counts[wid] === 0) {
            touched.push(wid);
          }
          most = Math.max(most, ++counts[wid]);
        }
      }
    }
    // Most shared trigrams first, then by word id: bucket by count, sort only the buckets needed.
    const buckets = Array.from({length: most + 1}, () => []);
    for (const wid of touched) {
      buckets[counts[wid]].push(wid);
      counts[wid] = 0;
    }
    let rows = [];
    for (let count = most; count > 0 && rows.length < 200; count--) {
      rows = rows.concat(buckets[count].sort((a, b) => a - b));
    }
    const close = rows.slice(0, 200).map((wid) => [this.norm.dice(word, typo.words[wid - 1]), typo.words[wid - 1], wid])
      .sort((a, b) => b[0] - a[0] || compareStrings(a[1], b[1]))
      .filter(([similarity]) => similarity >= rules.min_similarity)
      .slice(0, rules.candidates);
    for (const [similarity, , wid] of close) {
      const stems = typo.stems[wid - 1];
      for (let i = 0; i < stems.length; i += 2) {
        const [lang, token] = [stems[i], stems[i + 1]];
        if (!langs.includes(lang)) {
          continue;
        }
        for (const [tid, termLang] of this.postingsOf(token)) {
          if (termLang === lang) {
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
      const cid = this.cids[tid];
      const coverage = Math.min(1, match.tokens.size / Math.max(this.code("ntok", tid), 1));
      const total = match.weights.reduce((sum, weight) => sum + weight, 0);
      let score = (total / state.size) * (1 - coverageWeight + coverageWeight * coverage);
      score += weights.status_bonus[this.data.statuses[this.code("status", tid)]];
      if (this.termValue("text", tid) === query.trim()) {
        score += weights.same_case_bonus;
      }
      const previous = best.get(cid);
      if (!previous) {
        best.set(cid, {score, corrected: match.corrected, matched: new Set([tid])});
      } else {
        previous.matched.add(tid);
        if (score > previous.score) {
          previous.score = score;
          previous.corrected = match.corrected;
        }
      }
    }
    if (!best.size || this.missing.size) {
      return {hits: [], incomplete: Boolean(state.incomplete || this.missing.size)};
    }
    let top = -Infinity;
    for (const hit of best.values()) {
      top = Math.max(top, hit.score);
    }
    const floor = Math.max(weights.min_score, top * weights.min_relative_score);
    const hits = Array.from(best).filter(([, hit]) => hit.score >= floor)
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([cid, hit]) => ({cid, id: this.conceptValue("id", cid), score: hit.score, corrected: hit.corrected,
        matched: hit.matched}));
    return {hits, incomplete: Boolean(state.incomplete || this.missing.size)};
  };

  root.CareglotSearch = {GlossarySearch, Normalizer, bisect, bucketOf};
})(window);
