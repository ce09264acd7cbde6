"""Gettext catalogs: read, validate and write .po/.pot files the way GNU gettext does,
extract templates from the leaflets and the glossary, update, compile and count them."""
