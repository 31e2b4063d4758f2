"""Stage 1, load: statements and evidence read from Markdown files, validated once."""
