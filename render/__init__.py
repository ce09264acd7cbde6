"""careglot's downstream stage: leaflet definitions, gettext catalogs, translation QA, HTML/PDF."""
