"""Reading the starting content in `content/` and importing it as pages and translations."""
