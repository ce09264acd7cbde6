"""careglot's controlled, concept-oriented glossary and the project's shared plumbing.

glossary is the bottom of the dependency graph (extract -> glossary <- render), so the
few helpers every stage needs live here: errors, atomic writes, line-aware YAML and the
safe XML parser factory.
"""
