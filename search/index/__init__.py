"""The index: fields and schema, records prepared for writing, generations built and swapped in."""
