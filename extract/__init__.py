"""careglot's extraction stage: sources -> abbreviations, term candidates and statements."""
