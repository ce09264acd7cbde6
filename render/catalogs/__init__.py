"""gettext catalogs: reading, merging, writing and compiling the translators' .po files."""
