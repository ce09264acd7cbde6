"""The glossary browser: a self-contained static site (HTML, CSS, JS and the glossary as data).

:mod:`render.site.export` turns the glossary into the data the page searches, with the
CLI lookup's normalisation rules; :mod:`render.site.build` writes the site and
:mod:`render.site.serve` serves it on 127.0.0.1.
"""
