/* careglot glossary normalisation: glossary/normalize.py in the browser.
 *
 * The rules come with the data (glossary/normalize.py RULES, in the core data of index.html);
 * this file only interprets them, step by step as the Python does: folding, words, stems,
 * stopwords, trigrams. A browser test compares it with the Python on every glossary term. */
"use strict";

(function (root) {
  const SURROGATE = /[\uD800-\uDFFF]/;
  const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*'?/gu;

  /* Python's len() counts code points, not UTF-16 units. */
  function cpLen(text) {
    return SURROGATE.test(text) ? Array.from(text).length : text.length;
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

  root.CareglotNormalize = {Normalizer, cpLen};
})(window);
